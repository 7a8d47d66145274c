package org.programmeledger.ledger.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.programmeledger.ledger.api.BatchOutcome;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.service.Causes;
import org.programmeledger.ledger.service.DryRunReport;
import org.programmeledger.ledger.service.ImportFormat;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.service.RowProblem;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.programmeledger.ledger.store.ImportRuns;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.store.StoreSync;
import org.programmeledger.ledger.service.FullDisk;
import org.programmeledger.ledger.service.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records import files through the command bus, one transaction per file: a file with a bad row
 * records nothing, and the report names its first bad lines and counts the rest. Rows already in the ledger record nothing new.
 * The rows of one plan period (or of one programme's own facts) go to it as one batch command, which decides them
 * one by one as single commands are.
 */
@Component
public class LedgerImporter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();

    private static final Logger LOG = LoggerFactory.getLogger("ledger.commands");
    private static final ObjectMapper JSON = EventStoreConfiguration.canonicalObjectMapper();

    /**
     * Rows decided at once: a chunk's rows of one plan period go to it as one batch. A larger file is read
     * chunk by chunk, so memory holds one chunk's commands whatever the file's size.
     */
    private static final int CHUNK = 5_000;

    /** Times a file is tried while other nodes' events keep colliding with its own. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commandGateway;
    private final LedgerTransactions transactions;
    private final TransactionTemplate rolledBack;
    private final StoreSync storeSync;
    private final ImportRuns importRuns;

    public LedgerImporter(CommandGateway commandGateway, LedgerTransactions transactions,
                          PlatformTransactionManager transactionManager, ImportRuns importRuns, StoreSync storeSync) {
        this.commandGateway = commandGateway;
        this.transactions = transactions;
        this.rolledBack = new TransactionTemplate(transactionManager);
        this.importRuns = importRuns;
        this.storeSync = storeSync;
    }

    /**
     * Imports files in the order their formats require, each in its own transaction, and stops at the
     * first file refused, since later files name what it should have recorded.
     *
     * @param recordedBy metadata for every command: at least the channel, and the user where the
     *                   sender is not a signed-in HTTP user
     */
    public List<ImportReport> importFiles(List<Path> files, Map<String, ?> recordedBy, ImportListener listener) {
        List<ImportReport> reports = new ArrayList<>();
        // One file's commands in memory at a time: a folder of many large files imports in a bounded heap. The
        // plan periods the files load are held from file to file, within a bound (ImportRuns).
        try (ImportRuns.Run run = importRuns.start()) {
            for (Path file : inRecordingOrder(files)) {
                ImportReport report = record(parse(file), recordedBy, listener);
                reports.add(report);
                listener.fileDone(report);
                if (!report.accepted()) {
                    break;
                }
            }
        }
        onDisk(reports);
        return reports;
    }

    /** An import answers once what it recorded is on the store's disk: reported recorded, it is never lost. */
    private void onDisk(List<ImportReport> reports) {
        if (reports.stream().anyMatch(report -> report.eventsRecorded() > 0)) {
            storeSync.toDisk();
        }
    }

    /** The files in the order the importer records them, which is the order their formats require. */
    public static List<Path> inRecordingOrder(List<Path> files) {
        record Ordered(Path file, int order) {
        }
        return files.stream().map(file -> new Ordered(file, orderOf(file)))
                .sorted(Comparator.comparingInt(Ordered::order).thenComparing(o -> o.file().toString()))
                .map(Ordered::file).toList();
    }

    /** The place of a file's format in the recording order, from its header alone; -1 when it has none. */
    private static int orderOf(Path file) {
        try (Reader reader = strictUtf8(file); CSVParser parser = CSVParser.builder()
                .setReader(reader).setFormat(FORMAT).get()) {
            return ImportFormat.ofHeader(parser.getHeaderNames()).map(Enum::ordinal).orElse(-1);
        } catch (IOException | RuntimeException e) {
            // parse() reports what is wrong with the file when it is recorded, which is first.
            return -1;
        }
    }

    /**
     * What importing the files would do, writing nothing: each file is imported exactly as
     * {@link #importFiles} does, in order and each seeing the ones before it, inside one database
     * transaction that is then rolled back. Stops at the first file that would be refused.
     */
    public List<DryRunReport> dryRun(List<Path> files, Map<String, ?> recordedBy) {
        return dryRun(files, recordedBy, ImportListener.SILENT);
    }

    /** As {@link #dryRun(List, Map)}, telling {@code listener} of every row tried. */
    public List<DryRunReport> dryRun(List<Path> files, Map<String, ?> recordedBy, ImportListener listener) {
        try (ImportRuns.Run run = importRuns.start()) {
            return afterCollisions("the dry run", () -> rolledBack.execute(status -> {
                List<DryRunReport> reports = new ArrayList<>();
                for (Path file : inRecordingOrder(files)) {
                    DryRunReport report = tryOut(parse(file), recordedBy, listener);
                    reports.add(report);
                    if (!report.accepted()) {
                        break;
                    }
                }
                status.setRollbackOnly();
                return reports;
            }));
        }
    }

    /**
     * Each aggregate's rows run in a unit of their own here, so that the events they record can be counted;
     * all of them join the one transaction that {@link #dryRun} rolls back, and later rows see what earlier
     * rows recorded, as in the import itself.
     */
    private DryRunReport tryOut(ParsedFile file, Map<String, ?> recordedBy, ImportListener listener) {
        if (!file.problems().isEmpty()) {
            return new DryRunReport(file.file(), file.format(), file.rows(), List.of(), List.of(), file.problems());
        }
        Map<DryRunReport.EventCount, Long> counted = new TreeMap<>(Comparator
                .comparing(DryRunReport.EventCount::item, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DryRunReport.EventCount::event));
        List<Long> repeats = new ArrayList<>();
        RowProblems problems = new RowProblems();
        int[] done = {0};
        forEachChunk(file, recordedBy, problems, rows -> {
            List<RowProblem> found = new ArrayList<>();
            for (CommandGroup group : CommandGroup.byAggregate(rows)) {
                done[0] += group.size();
                listener.rowDone(file.file(), done[0], file.rows());
                try {
                    LedgerTransactions.Outcome<Decided> outcome = transactions.inOne(() -> {
                        Decided decided = decide(file.file(), group, recordedBy);
                        if (!group.batched() && !decided.problems().isEmpty()) {
                            throw new RowRefused(decided.problems().get(0));
                        }
                        return decided;
                    }, event -> counted.merge(new DryRunReport.EventCount(item(event.getPayload()),
                            event.getPayloadType().getSimpleName(), 0), 1L, Long::sum));
                    found.addAll(outcome.result().problems());
                    if (group.batched()) {
                        repeats.addAll(outcome.result().alreadyRecorded());
                    } else if (outcome.eventsRecorded() == 0) {
                        repeats.add(group.lines().get(0).line());
                    }
                } catch (RowRefused e) {
                    found.add(e.problem);
                }
            }
            return found;
        });
        if (!problems.isEmpty()) {
            return new DryRunReport(file.file(), file.format(), file.rows(), List.of(), List.of(), problems.asList());
        }
        repeats.sort(Comparator.naturalOrder());
        return new DryRunReport(file.file(), file.format(), file.rows(), counted.entrySet().stream()
                .map(entry -> new DryRunReport.EventCount(entry.getKey().item(), entry.getKey().event(),
                        entry.getValue())).toList(), List.copyOf(repeats), List.of());
    }

    /** The item an event concerns, if any. */
    private static Integer item(Object payload) {
        Map<?, ?> fields = JSON.convertValue(payload, Map.class);
        Object number = fields.containsKey("itemNumber") ? fields.get("itemNumber") : fields.get("number");
        return number instanceof Number n ? n.intValue() : null;
    }

    public ImportReport importFile(Path file, Map<String, ?> recordedBy) {
        return importFile(file, recordedBy, ImportListener.SILENT);
    }

    public ImportReport importFile(Path file, Map<String, ?> recordedBy, ImportListener listener) {
        ImportReport report = record(parse(file), recordedBy, listener);
        onDisk(List.of(report));
        return report;
    }

    private ImportReport record(ParsedFile file, Map<String, ?> recordedBy, ImportListener listener) {
        if (!file.problems().isEmpty()) {
            return ImportReport.refused(file.file(), file.format(), file.rows(), file.problems());
        }
        return afterCollisions(String.valueOf(file.file().getFileName()), () -> recordOnce(file, recordedBy, listener));
    }

    /**
     * Runs an attempt again when its events collided with another node's, appended to the same aggregate at the
     * same sequence numbers while this node decided: the attempt's transaction stored nothing, and the next decides
     * on the aggregates as stored, where rows the other node recorded alike are already recorded. The last
     * collision is thrown.
     */
    private static <T> T afterCollisions(String what, Supplier<T> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (tried == ATTEMPTS || !collided(e)) {
                    throw e;
                }
                LOG.info("{}: another node recorded in the same records meanwhile; nothing of it was stored, trying "
                        + "it again from its first row (attempt {} of {})", what, tried + 1, ATTEMPTS);
            }
        }
    }

    private static boolean collided(RuntimeException e) {
        return Causes.of(e).anyMatch(ConcurrencyException.class::isInstance);
    }

    private ImportReport recordOnce(ParsedFile file, Map<String, ?> recordedBy, ImportListener listener) {
        RowProblems problems = new RowProblems();
        try {
            long recorded = transactions.inOne(() -> {
                int[] done = {0};
                forEachChunk(file, recordedBy, problems, rows -> {
                    List<RowProblem> found = new ArrayList<>();
                    for (CommandGroup group : CommandGroup.byAggregate(rows)) {
                        found.addAll(decide(file.file(), group, recordedBy).problems());
                        done[0] += group.size();
                        listener.rowDone(file.file(), done[0], file.rows());
                    }
                    return found;
                });
                if (!problems.isEmpty()) {
                    throw new FileRefused();
                }
                return null;
            }).eventsRecorded();
            return new ImportReport(file.file(), file.format(), file.rows(), recorded, List.of());
        } catch (FileRefused e) {
            return ImportReport.refused(file.file(), file.format(), file.rows(), problems.asList());
        }
    }

    /** What the rows of a group came to: their refusals, and (for a batch) the rows already in the ledger. */
    private record Decided(List<RowProblem> problems, List<Long> alreadyRecorded) {
    }

    /**
     * Sends a group's command. A refusal of the whole command (its aggregate missing, say) is each row's
     * refusal, as it would have been had each row been sent alone.
     */
    private Decided decide(Path file, CommandGroup group, Map<String, ?> recordedBy) {
        MetaData metaData = MetaData.from(recordedBy).and(RecordingMetaData.FILE, String.valueOf(file.getFileName()));
        if (!group.batched()) {
            metaData = metaData.and(RecordingMetaData.LINE, group.lines().get(0).line());
        }
        try {
            Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(group.command())
                    .andMetaData(metaData));
            if (result instanceof BatchOutcome outcome) {
                return new Decided(outcome.refused().stream()
                        .map(refusal -> new RowProblem(refusal.line(), refusal.reason())).toList(),
                        outcome.alreadyRecorded());
            }
            return new Decided(List.of(), List.of());
        } catch (RuntimeException e) {
            String reason = reasonRefused(e);
            return new Decided(group.lines().stream().map(row -> new RowProblem(row.line(), reason)).toList(),
                    List.of());
        }
    }

    /** Why the ledger refused a command, in the words a row's problem gives; a store outage is rethrown. */
    private static String reasonRefused(RuntimeException e) {
        if (e instanceof LedgerRuleViolation) {
            return e.getMessage();
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return "'" + notFound.getAggregateIdentifier() + "' is not in the ledger; record it first";
        }
        if (StoreUnavailable.causes(e) || FullDisk.in(e).isPresent() || collided(e)) {
            // Not a problem of the line: the whole file is rolled back, and recorded again or the caller hears why.
            throw e;
        }
        return "not recorded: " + e.getMessage();
    }

    /**
     * Reads and checks a whole file before anything is recorded, keeping only its first problems, the number
     * of rows, and the commands of a file of one chunk at most; a larger file's commands are read again, a
     * chunk at a time, when they are sent (reading a file twice was a twentieth of an import, BENCHMARKS.md).
     */
    static ParsedFile parse(Path file) {
        RowProblems problems = new RowProblems();
        int[] rows = {0};
        List<LineCommand> commands = new ArrayList<>();
        ImportFormat format = read(file, problems, command -> {
            if (++rows[0] <= CHUNK) {
                commands.add(command);
            }
        });
        if (rows[0] == 0 && problems.isEmpty()) {
            problems.add(new RowProblem(2, "the file has a header but no rows"));
        }
        return new ParsedFile(file, format, rows[0], problems.asList(), rows[0] <= CHUNK ? commands : null);
    }

    /**
     * Decides the commands of a checked file a chunk of rows at a time (each chunk's rows grouped by aggregate,
     * in the file's order within each aggregate), and collects the problems as sending the rows one by one in
     * the file's order would: the first {@link RowProblems#LISTED}, then the line from which rows were not
     * tried. A larger file that changed since it was checked adds its problems here; a file of one chunk sends
     * the commands checked.
     */
    private static void forEachChunk(ParsedFile file, Map<String, ?> recordedBy, RowProblems problems,
                                     Function<List<LineCommand>, List<RowProblem>> decide) {
        List<LineCommand> chunk = new ArrayList<>();
        try {
            if (file.commands() != null) {
                collect(file, recordedBy, file.commands(), decide.apply(file.commands()), problems);
                return;
            }
            read(file.file(), problems, command -> {
                if (problems.full()) {
                    problems.untriedFrom(command.line());
                    throw new EnoughRefused();
                }
                chunk.add(command);
                if (chunk.size() == CHUNK) {
                    collect(file, recordedBy, chunk, decide.apply(chunk), problems);
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                collect(file, recordedBy, chunk, decide.apply(chunk), problems);
            }
        } catch (EnoughRefused e) {
            // the problems say where the file stopped being tried
        }
    }

    /**
     * Adds a chunk's problems in the order of its rows, stopping where a row-by-row import would have. A batch
     * is logged as one command, so each of its refused rows listed is logged here, as a single command's is.
     */
    private static void collect(ParsedFile file, Map<String, ?> recordedBy, List<LineCommand> chunk,
                                List<RowProblem> found, RowProblems problems) {
        Map<Long, RowProblem> byLine = new HashMap<>();
        found.forEach(problem -> byLine.putIfAbsent(problem.line(), problem));
        for (LineCommand command : chunk) {
            if (problems.full()) {
                problems.untriedFrom(command.line());
                throw new EnoughRefused();
            }
            RowProblem problem = byLine.get(command.line());
            if (problem != null) {
                problems.add(problem);
                if (CommandGroup.batches(command.command())) {
                    LOG.info("command {} refused via {} {}:{}: {}", command.command().getClass().getSimpleName(),
                            recordedBy.get(RecordingMetaData.CHANNEL), file.file().getFileName(), command.line(),
                            problem.message());
                }
            }
        }
    }

    /** Reads a file row by row, handing each row's command on; the format, or null when the header has none. */
    static ImportFormat read(Path file, RowProblems problems, Consumer<LineCommand> commands) {
        try (Reader reader = strictUtf8(file); CSVParser parser = CSVParser.builder()
                .setReader(reader).setFormat(FORMAT).get()) {
            ImportFormat format = ImportFormat.ofHeader(parser.getHeaderNames()).orElse(null);
            if (format == null) {
                problems.add(new RowProblem(1, "the header " + parser.getHeaderNames()
                        + " matches no import format; see docs/import-format.md for the columns of each"));
                return null;
            }
            long line = parser.getCurrentLineNumber() + 1;
            int headerSize = parser.getHeaderNames().size();
            Iterator<CSVRecord> records = parser.iterator();
            try {
                while (records.hasNext()) {
                    readRow(format, headerSize, records.next(), line, problems).ifPresent(commands);
                    line = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                problems.add(new RowProblem(line, e.getCause() instanceof CharacterCodingException
                        ? "the file is not valid UTF-8 text"
                        : "the file is not well-formed CSV from here on: " + e.getCause().getMessage()));
            }
            return format;
        } catch (CharacterCodingException e) {
            problems.add(new RowProblem(1, "the file is not valid UTF-8 text"));
        } catch (CSVException e) {
            problems.add(new RowProblem(1, "the header is not well-formed CSV: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new RowProblem(0, "cannot read the file: " + e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(new RowProblem(0, "the file is not well-formed CSV: " + e.getMessage()));
        }
        return null;
    }

    private static Optional<LineCommand> readRow(ImportFormat format, int headerSize, CSVRecord record, long line,
                                                 RowProblems problems) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return Optional.empty();
        }
        if (!record.isConsistent()) {
            problems.add(new RowProblem(line, "has " + record.size() + " cells where the header has "
                    + headerSize));
            return Optional.empty();
        }
        try {
            return Optional.of(new LineCommand(line, RowCommands.toCommand(format, new CsvRow(record))));
        } catch (CsvRow.BadCell e) {
            problems.add(new RowProblem(line, e.getMessage()));
            return Optional.empty();
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

    /** A row of a dry run that would be refused. */
    private static final class RowRefused extends RuntimeException {
        private final RowProblem problem;

        RowRefused(RowProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    /** Stops sending a refused file's commands. */
    private static final class EnoughRefused extends RuntimeException {
        EnoughRefused() {
            super(null, null, false, false);
        }
    }

    /**
     * A file read and checked: its format, its number of data rows, its first problems, and its commands if
     * they are one chunk at most (else null: they are read again when sent).
     */
    record ParsedFile(Path file, ImportFormat format, int rows, List<RowProblem> problems,
                      List<LineCommand> commands) {
    }
}
