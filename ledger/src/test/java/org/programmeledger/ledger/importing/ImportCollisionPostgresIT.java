package org.programmeledger.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.facade.Imports;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another node records in a plan period while a file of rows for that period is being recorded here: the file's
 * events, appended when its transaction commits, collide with that node's at the same sequence numbers. Nothing of
 * the file was stored, so it is recorded again from its first row, on the period as stored.
 */
class ImportCollisionPostgresIT {

    private static final String HEADER = "period_id,activity_id,item,kind,title,organisers,supporters,mode,date,"
            + "source\n";
    private static final Map<String, String> RECORDED_BY = Map.of(RecordingMetaData.CHANNEL, "csv-import");

    private final TestNodes nodes = new TestNodes(LedgerTestApplication.class);
    private final ExecutorService otherNodesThread = Executors.newSingleThreadExecutor();
    private ConfigurableApplicationContext importing;
    private ConfigurableApplicationContext other;
    @TempDir
    Path temp;

    @BeforeEach
    void startTwoNodesWithAPeriod() {
        importing = nodes.start("node-a");
        other = nodes.start("node-b");
        CommandGateway commands = importing.getBean(CommandGateway.class);
        commands.sendAndWait(new EstablishProgramme("prog", "Programme"));
        commands.sendAndWait(new RegisterOrganisation("hkipd", "Intellectual Property Department", "HKIPD",
                Side.HONG_KONG));
        commands.sendAndWait(new OpenPlanPeriod("p1", "prog", "2020 - 2022", LocalDate.of(2020, 1, 1),
                LocalDate.of(2022, 12, 31)));
        commands.sendAndWait(new RegisterItem("p1", 1, "Courses", null, false, List.of("hkipd"), List.of(), "s"));
    }

    @AfterEach
    void stopNodes() {
        otherNodesThread.shutdownNow();
        nodes.close();
    }

    private static RecordActivity course(String id) {
        return new RecordActivity("p1", id, 1, ActivityKind.COURSE, "Course " + id, List.of("hkipd"), List.of(),
                ActivityMode.ONLINE, Extent.year(2021), "s");
    }

    private Path threeCourses() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String id : List.of("1.1", "1.2", "1.3")) {
            csv.append("p1,").append(id).append(",1,course,Course ").append(id).append(",hkipd,,online,2021,s\n");
        }
        return Files.writeString(temp.resolve("05-activities.csv"), csv);
    }

    /** The other node's command runs on a thread of its own: this thread is inside the import's unit of work. */
    private void recordedOnTheOtherNode(RecordActivity command) {
        try {
            otherNodesThread.submit(() -> other.getBean(CommandGateway.class).sendAndWait(command)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls {@code meanwhile} with the attempt's number once the file's rows are decided, before it commits. */
    private ImportListener afterRowsDecided(IntConsumer meanwhile) {
        AtomicInteger attempts = new AtomicInteger();
        return new ImportListener() {
            @Override
            public void rowDone(Path file, int done, int total) {
                if (done == total) {
                    meanwhile.accept(attempts.incrementAndGet());
                }
            }
        };
    }

    private List<Long> sequenceNumbersOfP1() {
        return importing.getBean(JdbcTemplate.class).queryForList("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'p1' ORDER BY sequence_number", Long.class);
    }

    private long activitiesRecorded() {
        return importing.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domain_event_entry WHERE "
                + "aggregate_identifier = 'p1' AND payload_type LIKE '%ActivityRecorded'", Long.class);
    }

    /** Imports the three courses while the other node records {@code activityId} once their rows are decided. */
    private ImportReport importedWhileTheOtherNodeRecordsFirst(String activityId) throws IOException {
        List<ImportReport> reports = importing.getBean(Imports.class).importFiles(List.of(threeCourses()),
                RECORDED_BY, afterRowsDecided(attempt -> {
                    if (attempt == 1) {
                        recordedOnTheOtherNode(course(activityId));
                    }
                }));
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    @Test
    void aFileThatCollidedWithAnotherNodesEventIsRecordedAgainAfterIt() throws IOException {
        ImportReport report = importedWhileTheOtherNodeRecordsFirst("1.9");

        assertThat(report.accepted()).isTrue();
        assertThat(report.eventsRecorded()).isEqualTo(3);
        assertThat(sequenceNumbersOfP1()).containsExactlyElementsOf(LongStream.rangeClosed(0, 5).boxed().toList());
        assertThat(importing.getBean(JdbcTemplate.class).queryForObject("SELECT payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'p1' AND sequence_number = 2", String.class))
                .as("the other node's event, first after the item").contains("\"1.9\"");
        assertThat(activitiesRecorded()).isEqualTo(4);
    }

    @Test
    void aRowTheOtherNodeRecordedMeanwhileIsAlreadyRecordedWhenTheFileIsRecordedAgain() throws IOException {
        ImportReport report = importedWhileTheOtherNodeRecordsFirst("1.2");

        assertThat(report.accepted()).isTrue();
        assertThat(report.eventsRecorded()).isEqualTo(2);
        assertThat(sequenceNumbersOfP1()).containsExactlyElementsOf(LongStream.rangeClosed(0, 4).boxed().toList());
        assertThat(activitiesRecorded()).isEqualTo(3);
    }

    @Test
    void aFileThatCollidesAtEveryAttemptIsNotRecordedAndTheCollisionIsReported() throws IOException {
        Path file = threeCourses();
        assertThatThrownBy(() -> importing.getBean(Imports.class).importFiles(List.of(file), RECORDED_BY,
                afterRowsDecided(attempt -> recordedOnTheOtherNode(course("1.9." + attempt)))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(activitiesRecorded()).as("the other node's three, none of the file's").isEqualTo(3);
        assertThat(sequenceNumbersOfP1()).containsExactlyElementsOf(LongStream.rangeClosed(0, 4).boxed().toList());
    }
}
