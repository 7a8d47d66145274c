package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL a node draws positions ahead, in blocks: an event and its authenticator go in one statement. A
 * block older than another node's append must not place an event below one its command could see.
 */
class PositionsDrawnAheadPostgresIT {

    private static final String PERIOD = "ahead-2020";
    /** The first node's block must outlive the second node's start, however loaded the machine. */
    private static final String[] LONG_LIVED_BLOCKS = {"--ledger.sealing.position-block-millis=300000",
        "--ledger.sealing.gap-timeout-millis=600000"};

    private final TestNodes nodes = new TestNodes(LedgerTestApplication.class);

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    private static RecordActivity course(String id) {
        return new RecordActivity(PERIOD, id, 1, ActivityKind.COURSE, "Course " + id, List.of("hkipd"), List.of(),
                ActivityMode.ONLINE, Extent.year(2021), "s");
    }

    private static void openPeriodWithAnItem(CommandGateway gateway) {
        gateway.sendAndWait(new EstablishProgramme("ahead", "Programme"));
        gateway.sendAndWait(new RegisterOrganisation("hkipd", "Intellectual Property Department", "HKIPD",
                Side.HONG_KONG));
        gateway.sendAndWait(new OpenPlanPeriod(PERIOD, "ahead", "2020 - 2022", LocalDate.of(2020, 1, 1),
                LocalDate.of(2022, 12, 31)));
        gateway.sendAndWait(new RegisterItem(PERIOD, 1, "Courses", null, false, List.of("hkipd"), List.of(), "s"));
    }

    @Test
    void anAggregatesEventsKeepTheirOrderWhenAnotherNodeAppendedWithANewerBlock() {
        ConfigurableApplicationContext first = nodes.start("node-a", LONG_LIVED_BLOCKS);
        CommandGateway onFirst = first.getBean(CommandGateway.class);
        openPeriodWithAnItem(onFirst);
        onFirst.sendAndWait(course("1.1"));
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        long drawnByTheFirst = jdbc.queryForObject("SELECT last_value FROM domain_event_entry_global_index_seq",
                Long.class);
        long usedByTheFirst = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(drawnByTheFirst).as("the first node holds positions it has not used yet")
                .isGreaterThan(usedByTheFirst);

        ConfigurableApplicationContext second = nodes.start("node-b", LONG_LIVED_BLOCKS);
        second.getBean(CommandGateway.class).sendAndWait(course("1.2"));
        Long version = onFirst.sendAndWait(course("1.3"));

        assertThat(version).isEqualTo(4);
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, PERIOD);
        assertThat(positions).hasSize(5).isSorted();
        assertThat(positions.get(4)).isGreaterThan(positions.get(3)).isGreaterThan(drawnByTheFirst);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e JOIN ledger_event_authenticator a "
                + "ON a.position = e.global_index AND a.event_identifier = e.event_identifier", Long.class))
                .as("every event has its authenticator at its position")
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
    }

    /**
     * Each node's block goes stale whenever the other appends above it; an append then goes again in its own
     * transaction, so neither a command (retried once by the gateway) nor a unit of several commands (not retried:
     * its transaction is the caller's) fails.
     */
    @Test
    void twoNodesInterleavingCommandsAndUnitsOfCommandsNeverFailAndKeepEachAggregatesOrder() {
        ConfigurableApplicationContext first = nodes.start("node-a", LONG_LIVED_BLOCKS);
        ConfigurableApplicationContext second = nodes.start("node-b", LONG_LIVED_BLOCKS);
        openPeriodWithAnItem(first.getBean(CommandGateway.class));
        int activity = 0;
        for (int round = 0; round < 6; round++) {
            for (ConfigurableApplicationContext node : List.of(first, second)) {
                CommandGateway gateway = node.getBean(CommandGateway.class);
                gateway.sendAndWait(course("1." + ++activity));
                String one = "1." + ++activity;
                String two = "1." + ++activity;
                LedgerTransactions.Outcome<Object> unit = node.getBean(LedgerTransactions.class).inOne(() -> {
                    gateway.sendAndWait(course(one));
                    return gateway.sendAndWait(course(two));
                });
                assertThat(unit.eventsRecorded()).isEqualTo(2);
            }
        }

        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, PERIOD);
        assertThat(positions).as("the period's events, in the order they were decided").hasSize(2 + activity)
                .isSorted();
        long highestUsed = positions.get(positions.size() - 1);
        long drawn = jdbc.queryForObject("SELECT last_value FROM domain_event_entry_global_index_seq", Long.class);
        assertThat(drawn - highestUsed).as("positions drawn beyond the last event: the blocks the nodes hold")
                .isLessThan(2L * 64);
        // A pass of the second node may hold the sequencer's lock just then: wait for the last event, not one pass.
        long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(first.getBean(Sequencer.class).awaitSealed(last, Duration.ofSeconds(30))).isTrue();
        VerifyReport report = first.getBean(LedgerVerifier.class).verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry",
                Long.class));
    }
}
