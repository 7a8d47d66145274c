package org.programmeledger.ledger.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.period.PlanPeriod;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A plan period with many events is loaded from a snapshot, and keeps every rule's memory across it (with no
 * plan period kept in memory, every command loads it from the store).
 */
@SpringBootTest(classes = LedgerTestApplication.class, properties = {"ledger.event-store.snapshot-threshold=50",
        "ledger.event-store.cached-plan-periods=0"})
class SnapshotIT {

    private static final String PERIOD = "snap-2020";

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Configuration axon;

    private static RecordActivity course(int n, String title) {
        return course(PERIOD, n, title);
    }

    private static RecordActivity course(String period, int n, String title) {
        return new RecordActivity(period, "1." + n, 1, ActivityKind.COURSE, title, List.of("hkipd"), List.of(),
                ActivityMode.ONLINE, Extent.year(2021), "s");
    }

    private void periodWith120Courses(String programme, String period) {
        commands.sendAndWait(new EstablishProgramme(programme, "Programme"));
        commands.sendAndWait(new RegisterOrganisation("hkipd", "Intellectual Property Department", "HKIPD",
                Side.HONG_KONG));
        commands.sendAndWait(new OpenPlanPeriod(period, programme, "2020 - 2022", LocalDate.of(2020, 1, 1),
                LocalDate.of(2022, 12, 31)));
        commands.sendAndWait(new RegisterItem(period, 1, "Courses", null, false, List.of("hkipd"), List.of(), "s"));
        for (int n = 0; n < 120; n++) {
            commands.sendAndWait(course(period, n, "Course " + n));
        }
    }

    @Test
    void aSnapshottedPlanPeriodStillKnowsEveryActivity() {
        periodWith120Courses("snap", PERIOD);

        Long snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, PERIOD);
        assertThat(snapshots).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT MAX(sequence_number) FROM snapshot_event_entry", Long.class))
                .isGreaterThan(50);
        Long version = commands.sendAndWait(course(5, "Course 5"));
        assertThat(version).isEqualTo(121);
        assertThatThrownBy(() -> commands.sendAndWait(course(5, "Another course")))
                .isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("activity 1.5 is already recorded with other details; retract it and record a new one");
    }

    /** A snapshot of the state's older shape (revision 2 kept whole events) is passed over for the events. */
    @Test
    void aSnapshotOfAnOlderRevisionIsPassedOver() {
        String period = "snap-old-2020";
        periodWith120Courses("snap-old", period);
        int stale = jdbc.update("UPDATE snapshot_event_entry SET payload_revision = '2', payload = ? "
                + "WHERE aggregate_identifier = ?", "{\"periodId\":\"snap-old-2020\"}".getBytes(UTF_8), period);
        assertThat(stale).isEqualTo(1);

        assertThat(commands.<Long>sendAndWait(course(period, 5, "Course 5"))).isEqualTo(121);
        assertThatThrownBy(() -> commands.sendAndWait(course(period, 5, "Another course")))
                .isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("activity 1.5 is already recorded with other details; retract it and record a new one");
    }

    /**
     * A snapshot changed in the database (here, to forget an activity) carries no valid authenticator any more: it is
     * passed over, and the period decides on its events.
     */
    @Test
    void aSnapshotChangedInTheDatabaseIsPassedOverForTheEvents() {
        String period = "snap-forged-2020";
        periodWith120Courses("snap-forged", period);
        assertThat(jdbc.queryForObject("SELECT meta_data FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                String.class, period)).contains("\"snapshotAuthenticator\"");
        int forged = jdbc.update("UPDATE snapshot_event_entry SET payload = REPLACE(payload, '\"1.5\"', '\"9.5\"') "
                + "WHERE aggregate_identifier = ?", period);
        assertThat(forged).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                String.class, period)).contains("\"9.5\"");

        assertThatThrownBy(() -> commands.sendAndWait(course(period, 5, "Another course")))
                .isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("activity 1.5 is already recorded with other details; retract it and record a new one");
        assertThat(commands.<Long>sendAndWait(course(period, 5, "Course 5"))).isEqualTo(121);
    }

    /** Made with its constructor, from a snapshot too: as a Spring prototype bean it cost 4% of a large import. */
    @Test
    void planPeriodsAreMadeByTheirConstructorNotAsSpringBeans() {
        assertThat(((EventSourcingRepository<?>) axon.repository(PlanPeriod.class)).getAggregateFactory())
                .isInstanceOf(GenericAggregateFactory.class);
    }
}
