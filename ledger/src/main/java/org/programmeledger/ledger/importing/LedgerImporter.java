package org.programmeledger.ledger.importing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.store.StoreUnavailable;
import org.springframework.stereotype.Component;

/**
 * Records import files through the command bus, one transaction per file: a file with a bad row
 * records nothing, and the report names every bad line. Rows already in the ledger record nothing new.
 */
@Component
public class LedgerImporter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();

    private final CommandGateway commandGateway;
    private final LedgerTransactions transactions;

    public LedgerImporter(CommandGateway commandGateway, LedgerTransactions transactions) {
        this.commandGateway = commandGateway;
        this.transactions = transactions;
    }

    /**
     * Imports files in the order their formats require, each in its own transaction, and stops at the
     * first file refused, since later files name what it should have recorded.
     *
     * @param recordedBy metadata for every command: at least the channel, and the user where the
     *                   sender is not a signed-in HTTP user
     */
    public List<ImportReport> importFiles(List<Path> files, Map<String, ?> recordedBy, ImportListener listener) {
        List<ParsedFile> parsed = files.stream().map(LedgerImporter::parse)
                .sorted(Comparator.comparing(ParsedFile::order).thenComparing(p -> p.file().toString()))
                .toList();
        List<ImportReport> reports = new ArrayList<>();
        for (ParsedFile file : parsed) {
            ImportReport report = record(file, recordedBy, listener);
            reports.add(report);
            listener.fileDone(report);
            if (!report.accepted()) {
                break;
            }
        }
        return reports;
    }

    /** The files in the order the importer records them, which is the order their formats require. */
    public static List<Path> inRecordingOrder(List<Path> files) {
        return files.stream().map(LedgerImporter::parse)
                .sorted(Comparator.comparing(ParsedFile::order).thenComparing(p -> p.file().toString()))
                .map(ParsedFile::file).toList();
    }

    public ImportReport importFile(Path file, Map<String, ?> recordedBy) {
        return record(parse(file), recordedBy, ImportListener.SILENT);
    }

    private ImportReport record(ParsedFile file, Map<String, ?> recordedBy, ImportListener listener) {
        if (!file.problems().isEmpty()) {
            return ImportReport.refused(file.file(), file.format(), file.commands().size(), file.problems());
        }
        List<RowProblem> problems = new ArrayList<>();
        try {
            long recorded = transactions.inOne(() -> {
                int done = 0;
                for (LineCommand command : file.commands()) {
                    dispatch(file.file(), command, recordedBy).ifPresent(problems::add);
                    listener.rowDone(file.file(), ++done, file.commands().size());
                }
                if (!problems.isEmpty()) {
                    throw new FileRefused();
                }
                return null;
            }).eventsRecorded();
            return new ImportReport(file.file(), file.format(), file.commands().size(), recorded, List.of());
        } catch (FileRefused e) {
            return ImportReport.refused(file.file(), file.format(), file.commands().size(), problems);
        }
    }

    private Optional<RowProblem> dispatch(Path file, LineCommand command, Map<String, ?> recordedBy) {
        MetaData metaData = MetaData.from(recordedBy).and(RecordingMetaData.FILE, String.valueOf(file.getFileName()))
                .and(RecordingMetaData.LINE, command.line());
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command.command()).andMetaData(metaData));
            return Optional.empty();
        } catch (LedgerRuleViolation e) {
            return Optional.of(new RowProblem(command.line(), e.getMessage()));
        } catch (AggregateNotFoundException e) {
            return Optional.of(new RowProblem(command.line(),
                    "'" + e.getAggregateIdentifier() + "' is not in the ledger; record it first"));
        } catch (RuntimeException e) {
            if (StoreUnavailable.causes(e)) {
                // Not a problem of the line: the whole file is rolled back and the caller hears why.
                throw e;
            }
            return Optional.of(new RowProblem(command.line(), "not recorded: " + e.getMessage()));
        }
    }

    /** Reads and checks a whole file before anything is recorded. */
    static ParsedFile parse(Path file) {
        List<RowProblem> problems = new ArrayList<>();
        List<LineCommand> commands = new ArrayList<>();
        ImportFormat format = null;
        try (Reader reader = strictUtf8(file); CSVParser parser = CSVParser.builder()
                .setReader(reader).setFormat(FORMAT).get()) {
            format = ImportFormat.ofHeader(parser.getHeaderNames()).orElse(null);
            if (format == null) {
                problems.add(new RowProblem(1, "the header " + parser.getHeaderNames()
                        + " matches no import format; see the README for the columns of each"));
                return new ParsedFile(file, null, commands, problems);
            }
            long line = parser.getCurrentLineNumber() + 1;
            Iterator<CSVRecord> records = parser.iterator();
            try {
                while (records.hasNext()) {
                    readRow(format, records.next(), line, commands, problems);
                    line = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                problems.add(new RowProblem(line, e.getCause() instanceof CharacterCodingException
                        ? "the file is not valid UTF-8 text"
                        : "the file is not well-formed CSV from here on: " + e.getCause().getMessage()));
            }
        } catch (CharacterCodingException e) {
            problems.add(new RowProblem(1, "the file is not valid UTF-8 text"));
        } catch (CSVException e) {
            problems.add(new RowProblem(1, "the header is not well-formed CSV: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new RowProblem(0, "cannot read the file: " + e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(new RowProblem(0, "the file is not well-formed CSV: " + e.getMessage()));
        }
        if (commands.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(2, "the file has a header but no rows"));
        }
        return new ParsedFile(file, format, commands, problems);
    }

    private static void readRow(ImportFormat format, CSVRecord record, long line,
                                List<LineCommand> commands, List<RowProblem> problems) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return;
        }
        if (!record.isConsistent()) {
            problems.add(new RowProblem(line, "has " + record.size() + " cells where the header has "
                    + format.columns().size()));
            return;
        }
        try {
            commands.add(new LineCommand(line, format.toCommand(new CsvRow(record))));
        } catch (CsvRow.BadCell e) {
            problems.add(new RowProblem(line, e.getMessage()));
        }
    }

    private static Reader strictUtf8(Path file) throws IOException {
        Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        PushbackReader pushback = new PushbackReader(reader);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    record LineCommand(long line, Object command) {
    }

    /** Rolls back a file that has a refused row; the problems are already collected. */
    private static final class FileRefused extends RuntimeException {
        FileRefused() {
            super(null, null, false, false);
        }
    }

    record ParsedFile(Path file, ImportFormat format, List<LineCommand> commands, List<RowProblem> problems) {
        int order() {
            return format == null ? -1 : format.ordinal();
        }
    }
}
