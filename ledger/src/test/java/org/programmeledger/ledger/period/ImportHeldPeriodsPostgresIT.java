package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
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
 * An import of many files holds the plan periods its files loaded from one file to the next (CheckedAggregateCache,
 * ImportRuns), within its budget of events, checks them against the store before each use, and lets them go when
 * it ends. The node keeps one recently used period, so that only the import's holding can keep both.
 */
class ImportHeldPeriodsPostgresIT {

    private static final String HEADER = "period_id,activity_id,item,kind,title,organisers,supporters,mode,date,"
            + "source\n";
    private static final Map<String, String> RECORDED_BY = Map.of(RecordingMetaData.CHANNEL, "csv-import");

    private final TestNodes nodes = new TestNodes(LedgerTestApplication.class);
    @TempDir
    Path temp;

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    private ConfigurableApplicationContext nodeHolding(long events) {
        ConfigurableApplicationContext node = nodes.start("node-a", "--ledger.event-store.cached-plan-periods=1",
                "--ledger.event-store.import-held-events=" + events);
        CommandGateway commands = node.getBean(CommandGateway.class);
        commands.sendAndWait(new EstablishProgramme("held", "Programme"));
        commands.sendAndWait(new RegisterOrganisation("hkipd", "Intellectual Property Department", "HKIPD",
                Side.HONG_KONG));
        for (String period : List.of("p1", "p2")) {
            commands.sendAndWait(new OpenPlanPeriod(period, "held", "2020 - 2022", LocalDate.of(2020, 1, 1),
                    LocalDate.of(2022, 12, 31)));
            commands.sendAndWait(new RegisterItem(period, 1, "Courses", null, false, List.of("hkipd"), List.of(),
                    "s"));
        }
        return node;
    }

    private static String course(String period, String id) {
        return period + "," + id + ",1,course,Course " + id + ",hkipd,,online,2021,s\n";
    }

    private List<Path> twoFiles() throws IOException {
        return List.of(Files.writeString(temp.resolve("05-activities-a.csv"), HEADER + course("p1", "1.1")
                        + course("p2", "1.1")),
                Files.writeString(temp.resolve("05-activities-b.csv"), HEADER + course("p1", "1.2")
                        + course("p1", "1.3") + course("p2", "1.2")));
    }

    private static Cache planPeriods(ConfigurableApplicationContext node) {
        return node.getBean("planPeriodCache", Cache.class);
    }

    /**
     * Between the files another node records activity 1.2 in p1, which the node importing holds: the second file's
     * row for it must be seen as already recorded, and its next row stored after that node's event.
     */
    @Test
    void anImportHoldsItsPeriodsBetweenFilesAndSeesWhatAnotherNodeRecordedMeanwhile() throws IOException {
        ConfigurableApplicationContext first = nodeHolding(1_000);
        ConfigurableApplicationContext second = nodes.start("node-b");
        List<Boolean> bothHeldAfterFirstFile = new ArrayList<>();

        List<ImportReport> reports = first.getBean(Imports.class).importFiles(twoFiles(), RECORDED_BY,
                new ImportListener() {
                    @Override
                    public void fileDone(ImportReport report) {
                        if (bothHeldAfterFirstFile.isEmpty()) {
                            bothHeldAfterFirstFile.add(planPeriods(first).containsKey("p1")
                                    && planPeriods(first).containsKey("p2"));
                            second.getBean(CommandGateway.class).sendAndWait(new RecordActivity("p1", "1.2", 1,
                                    ActivityKind.COURSE, "Course 1.2", List.of("hkipd"), List.of(),
                                    ActivityMode.ONLINE, Extent.year(2021), "s"));
                        }
                    }
                });

        assertThat(reports).allMatch(ImportReport::accepted);
        assertThat(reports).extracting(ImportReport::eventsRecorded).containsExactly(2L, 2L);
        assertThat(bothHeldAfterFirstFile).containsExactly(true);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = "
                + "'p1' ORDER BY sequence_number", Long.class)).containsExactlyElementsOf(
                LongStream.rangeClosed(0, 4).boxed().toList());
        assertThat(planPeriods(first).containsKey("p1") && planPeriods(first).containsKey("p2"))
                .as("let go when the import ended, one recently used period kept").isFalse();
    }

    @Test
    void periodsBeyondTheImportsBudgetOfEventsAreNotHeld() throws IOException {
        ConfigurableApplicationContext node = nodeHolding(2);
        List<Boolean> bothHeldAfterFirstFile = new ArrayList<>();

        List<ImportReport> reports = node.getBean(Imports.class).importFiles(twoFiles(), RECORDED_BY,
                new ImportListener() {
                    @Override
                    public void fileDone(ImportReport report) {
                        if (bothHeldAfterFirstFile.isEmpty()) {
                            bothHeldAfterFirstFile.add(planPeriods(node).containsKey("p1")
                                    && planPeriods(node).containsKey("p2"));
                        }
                    }
                });

        assertThat(reports).allMatch(ImportReport::accepted);
        assertThat(reports).extracting(ImportReport::eventsRecorded).containsExactly(2L, 3L);
        assertThat(bothHeldAfterFirstFile).containsExactly(false);
    }
}
