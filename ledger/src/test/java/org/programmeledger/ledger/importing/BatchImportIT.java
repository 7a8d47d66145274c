package org.programmeledger.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.service.DryRunReport;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.service.RowProblem;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import decides each plan period's rows as one batch command. These tests hold it to what sending every
 * row as its own command, in the file's order, did (reproduced here as the importer did it before batches, in a
 * transaction rolled back afterwards): the same events, event by event, and the same refusals.
 */
@SpringBootTest(classes = LedgerTestApplication.class, properties = "ledger.event-store.snapshot-threshold=100000")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class BatchImportIT {

    private static final Map<String, String> CSV_IMPORT = Map.of(RecordingMetaData.CHANNEL, "csv-import");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LedgerImporter importer;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    LedgerTransactions transactions;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    /** An event as an auditor compares it: everything but its id and time. */
    record StoredEvent(String aggregate, long sequence, String type, String payloadType, Map<String, Object> payload,
                       Object file, Object line, Object channel) {
    }

    /** What importing some files came to: each file's problems (until the first refused file), then the events. */
    record Imported(List<List<RowProblem>> problems, List<StoredEvent> events) {
    }

    @Test
    void theSeedGivesTheSameEventsAsRowByRow() {
        assertSameAsRowByRow(SeedData.files(), 136);
    }

    @Test
    void aHostileHistoryGivesTheSameEventsAsRowByRow() {
        List<Path> files = HostileHistory.write(temp, 19);

        assertSameAsRowByRow(files, 2 + 2 + 4 + 3 + HostileHistory.PERIODS.size() * 6 * (1 + 4 + 6 + 1 + 1 + 1)
                + HostileHistory.PROGRAMMES.size() * (4 + 1 + 1));
    }

    @Test
    void reImportingAHostileHistoryRecordsNothingNewAndADryRunSaysSo() {
        List<Path> files = HostileHistory.write(temp, 7);
        importer.importFiles(files, CSV_IMPORT, ImportListener.SILENT);
        long before = events();

        List<ImportReport> again = importer.importFiles(files, CSV_IMPORT, ImportListener.SILENT);
        List<DryRunReport> dryRun = importer.dryRun(files, CSV_IMPORT);

        assertThat(again).hasSize(files.size()).allMatch(report -> report.accepted() && report.eventsRecorded() == 0);
        assertThat(dryRun).hasSize(files.size()).allMatch(report -> report.accepted() && report.events() == 0
                && report.alreadyRecorded().size() == report.rows());
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBadRowInTheMiddleOfInterleavedPeriodsIsRefusedWithItsLineAndNothingIsWritten() throws IOException {
        List<Path> files = HostileHistory.write(temp, 3);
        importer.importFiles(files.subList(0, 5), CSV_IMPORT, ImportListener.SILENT);
        List<String> lines = new ArrayList<>(Files.readAllLines(files.get(5), StandardCharsets.UTF_8));
        int middle = lines.size() / 2;
        String period = lines.get(middle).substring(0, lines.get(middle).indexOf(','));
        lines.add(middle, period + ",9.9,1,seminar,Outside,o.1,,online,2031-05,s");
        lines.add(middle + 1, period + ",9.8,77,seminar,No item,o.1,,online,,s");
        lines.add(lines.get(1).replace(",seminar,", ",forum,"));
        Path activities = Files.write(temp.resolve("05-activities.csv"), lines, StandardCharsets.UTF_8);

        ImportReport report = assertSameRefusalsAsRowByRow(activities);

        assertThat(report.problems()).extracting(RowProblem::line).containsExactly(
                (long) middle + 1, (long) middle + 2, (long) lines.size());
        assertThat(report.problems().get(1).message()).isEqualTo("item 77 is not registered in plan period " + period);
        assertThat(report.problems().get(2).message()).endsWith(
                "is already recorded with other details; retract it and record a new one");
    }

    @Test
    void moreThanAHundredRefusalsInInterleavedPeriodsStopWhereRowByRowStopped() throws IOException {
        importer.importFiles(HostileHistory.write(temp, 5).subList(0, 5), CSV_IMPORT, ImportListener.SILENT);
        StringBuilder csv = new StringBuilder("period_id,figure_id,item,activity_id,metric,value,unit,qualifier,side,"
                + "extent,basis,source\n");
        for (int row = 0; row < 12_000; row++) {
            String period = HostileHistory.PERIODS.get(row % HostileHistory.PERIODS.size());
            String item = row % 7 == 0 ? "99" : "1";
            csv.append(period).append(",g").append(row).append(',').append(item)
                    .append(",,m-1,5,persons,exactly,joint,,flow,s\n");
        }
        Path figures = Files.writeString(temp.resolve("06-figures.csv"), csv);

        ImportReport report = assertSameRefusalsAsRowByRow(figures);

        assertThat(report.problems()).hasSize(RowProblems.LISTED + 1);
        assertThat(report.problems().get(RowProblems.LISTED).message()).startsWith("this row and the rest were not");
    }

    @Test
    void rowsOfAPeriodNotInTheLedgerAreEachRefused() throws IOException {
        importer.importFiles(HostileHistory.write(temp, 5).subList(0, 5), CSV_IMPORT, ImportListener.SILENT);
        Path completions = Files.writeString(temp.resolve("09-item-completions.csv"),
                "period_id,item,source\nnowhere,1,s\n" + HostileHistory.PERIODS.get(1) + ",1,s\nnowhere,2,s\n");

        ImportReport report = assertSameRefusalsAsRowByRow(completions);

        assertThat(report.problems()).extracting(RowProblem::toString).containsExactly(
                "line 2: 'nowhere' is not in the ledger; record it first",
                "line 4: 'nowhere' is not in the ledger; record it first");
    }

    @Test
    void badRowsOfInterleavedProgrammesAreRefusedAsRowByRow() throws IOException {
        importer.importFiles(HostileHistory.write(temp, 5).subList(0, 5), CSV_IMPORT, ImportListener.SILENT);
        Path facts = Files.writeString(temp.resolve("10-programme-figures.csv"), String.join("\n",
                "programme_id,figure_id,metric,value,unit,qualifier,side,extent,basis,source",
                "prog~1,a,m-1,5,persons,exactly,joint,2004,flow,s",
                "prog.2,a,m-1,5,persons,exactly,joint,2004,flow,s",
                "prog~1,b,unknown-metric,5,persons,exactly,joint,2004,flow,s",
                "nowhere,a,m-1,5,persons,exactly,joint,2004,flow,s",
                "prog.2,a,m-1,6,persons,exactly,joint,2004,flow,s", ""));

        ImportReport report = assertSameRefusalsAsRowByRow(facts);

        assertThat(report.problems()).extracting(RowProblem::line).containsExactly(4L, 5L, 6L);
        assertThat(report.problems().get(1).message()).isEqualTo("'nowhere' is not in the ledger; record it first");
    }

    private void assertSameAsRowByRow(List<Path> files, int expectedEvents) {
        Imported rowByRow = rowByRow(files);
        assertThat(rowByRow.problems()).allMatch(List::isEmpty);
        assertThat(rowByRow.events()).hasSize(expectedEvents);
        assertThat(events()).isZero();

        List<ImportReport> reports = importer.importFiles(files, CSV_IMPORT, ImportListener.SILENT);

        assertThat(reports).hasSize(files.size()).allMatch(ImportReport::accepted);
        List<StoredEvent> batched = storedEvents();
        for (int n = 0; n < expectedEvents; n++) {
            assertThat(batched.get(n)).as("event %d", n).isEqualTo(rowByRow.events().get(n));
        }
        assertThat(batched).hasSize(expectedEvents);
    }

    private ImportReport assertSameRefusalsAsRowByRow(Path file) {
        long before = events();
        List<RowProblem> rowByRow = rowByRow(List.of(file)).problems().get(0);

        ImportReport report = importer.importFile(file, CSV_IMPORT);
        DryRunReport dryRun = importer.dryRun(List.of(file), CSV_IMPORT).get(0);

        assertThat(rowByRow).isNotEmpty();
        assertThat(report.problems()).isEqualTo(rowByRow);
        assertThat(dryRun.problems()).isEqualTo(rowByRow);
        assertThat(events()).isEqualTo(before);
        return report;
    }

    /**
     * The import as it was before batches: each file in a unit of its own, each row its own command in the file's
     * order, a file with a refused row rolled back, the first 100 refusals listed and the rest untried, stopping at
     * the first refused file. Everything runs in one transaction that is rolled back once the events are read.
     */
    private Imported rowByRow(List<Path> files) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            List<List<RowProblem>> problemsOfFiles = new ArrayList<>();
            for (Path file : LedgerImporter.inRecordingOrder(files)) {
                RowProblems problems = new RowProblems();
                List<LedgerImporter.LineCommand> commands = new ArrayList<>();
                LedgerImporter.read(file, problems, commands::add);
                assertThat(problems.isEmpty()).as(file + " reads").isTrue();
                try {
                    transactions.inOne(() -> {
                        for (LedgerImporter.LineCommand command : commands) {
                            if (problems.full()) {
                                problems.untriedFrom(command.line());
                                break;
                            }
                            send(file, command, problems);
                        }
                        if (!problems.isEmpty()) {
                            throw new IllegalStateException("refused");
                        }
                        return null;
                    });
                } catch (IllegalStateException refused) {
                    // the file's unit is rolled back, as the importer's was
                }
                problemsOfFiles.add(problems.asList());
                if (!problems.isEmpty()) {
                    break;
                }
            }
            List<StoredEvent> events = storedEvents();
            status.setRollbackOnly();
            return new Imported(problemsOfFiles, events);
        });
    }

    private void send(Path file, LedgerImporter.LineCommand command, RowProblems problems) {
        MetaData metaData = MetaData.from(CSV_IMPORT).and(RecordingMetaData.FILE, file.getFileName().toString())
                .and(RecordingMetaData.LINE, command.line());
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command.command()).andMetaData(metaData));
        } catch (LedgerRuleViolation e) {
            problems.add(new RowProblem(command.line(), e.getMessage()));
        } catch (AggregateNotFoundException e) {
            problems.add(new RowProblem(command.line(),
                    "'" + e.getAggregateIdentifier() + "' is not in the ledger; record it first"));
        }
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** The stored events by aggregate and sequence number: the order within each aggregate is the contract. */
    private List<StoredEvent> storedEvents() {
        return jdbc.query("SELECT aggregate_identifier, sequence_number, type, payload_type, payload, meta_data "
                        + "FROM domain_event_entry", (row, n) -> {
                    Map<String, Object> metaData = json(row.getString("meta_data"));
                    return new StoredEvent(row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                            row.getString("type"), row.getString("payload_type"), json(row.getString("payload")),
                            metaData.get(RecordingMetaData.FILE), metaData.get(RecordingMetaData.LINE),
                            metaData.get(RecordingMetaData.CHANNEL));
                }).stream().sorted(Comparator.comparing(StoredEvent::aggregate)
                .thenComparingLong(StoredEvent::sequence)).toList();
    }

    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
