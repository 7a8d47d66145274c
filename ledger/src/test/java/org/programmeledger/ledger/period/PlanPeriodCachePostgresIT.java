package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AmendMetric;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node keeps the plan periods it used (CheckedAggregateCache) and the catalogue's entries it read (JdbcRegistry)
 * in memory, and must still see what the store holds: what another node recorded since, and not what a
 * rolled-back transaction recorded.
 */
class PlanPeriodCachePostgresIT {

    private static final String PERIOD = "cache-2020";

    private final TestNodes nodes = new TestNodes(LedgerTestApplication.class);
    private ConfigurableApplicationContext first;

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    private static RecordActivity course(String id, String title) {
        return new RecordActivity(PERIOD, id, 1, ActivityKind.COURSE, title, List.of("hkipd"), List.of(),
                ActivityMode.ONLINE, Extent.year(2021), "s");
    }

    private static CommandGateway commands(ConfigurableApplicationContext node) {
        return node.getBean(CommandGateway.class);
    }

    @BeforeEach
    void openThePeriodOnTheFirstNode() {
        first = nodes.start("node-a");
        CommandGateway commands = commands(first);
        commands.sendAndWait(new EstablishProgramme("cache", "Programme"));
        commands.sendAndWait(new RegisterOrganisation("hkipd", "Intellectual Property Department", "HKIPD",
                Side.HONG_KONG));
        commands.sendAndWait(new OpenPlanPeriod(PERIOD, "cache", "2020 - 2022", LocalDate.of(2020, 1, 1),
                LocalDate.of(2022, 12, 31)));
        commands.sendAndWait(new RegisterItem(PERIOD, 1, "Courses", null, false, List.of("hkipd"), List.of(), "s"));
        commands.sendAndWait(course("1.1", "Course 1"));
    }

    private List<Long> sequenceNumbers() {
        return first.getBean(JdbcTemplate.class).queryForList("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, PERIOD);
    }

    @Test
    void aNodeSeesWhatAnotherNodeRecordedInAPeriodItHoldsInMemory() {
        ConfigurableApplicationContext second = nodes.start("node-b");
        commands(second).sendAndWait(course("1.2", "Course 2"));

        assertThatThrownBy(() -> commands(first).sendAndWait(course("1.2", "Another course")))
                .isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("activity 1.2 is already recorded with other details; retract it and record a new one");
        Long version = commands(first).sendAndWait(course("1.3", "Course 3"));

        assertThat(version).isEqualTo(4);
        assertThat(sequenceNumbers()).containsExactlyElementsOf(LongStream.rangeClosed(0, 4).boxed().toList());
    }

    /** The first node held the period from before the item was registered: its refusal would be wrong. */
    @Test
    void aNodeDoesNotRefuseWhatAnotherNodeMadePossibleInAPeriodItHoldsInMemory() {
        ConfigurableApplicationContext second = nodes.start("node-b");
        commands(second).sendAndWait(new RegisterItem(PERIOD, 2, "Seminars", null, false, List.of("hkipd"), List.of(),
                "s"));

        Long version = commands(first).sendAndWait(new RecordActivity(PERIOD, "2.1", 2, ActivityKind.SEMINAR,
                "Seminar 1", List.of("hkipd"), List.of(), ActivityMode.ONLINE, Extent.year(2021), "s"));

        assertThat(version).isEqualTo(4);
        assertThat(sequenceNumbers()).containsExactlyElementsOf(LongStream.rangeClosed(0, 4).boxed().toList());
    }

    /** A command that records nothing answers with the period's version as stored, not as held in memory. */
    @Test
    void aRepeatedCommandIsAnsweredWithTheVersionAnotherNodeLeft() {
        ConfigurableApplicationContext second = nodes.start("node-b");
        commands(second).sendAndWait(course("1.2", "Course 2"));

        Long version = commands(first).sendAndWait(course("1.1", "Course 1"));

        assertThat(version).isEqualTo(3);
        assertThat(sequenceNumbers()).containsExactlyElementsOf(LongStream.rangeClosed(0, 3).boxed().toList());
    }

    private static RecordFigure participants(String id) {
        return new RecordFigure(PERIOD, id, 1, "1.1", "participants", BigDecimal.TEN, "persons", Qualifier.EXACTLY,
                Side.HONG_KONG, Extent.year(2021), Basis.FLOW, "s");
    }

    /**
     * The first node holds the metric's catalogue entry from its earlier figures and decides the next one on it
     * without asking; the store's insert refuses what was decided on an entry another node has since amended,
     * and the command, sent again, is decided on the entry as stored.
     */
    @Test
    void aNodeDecidesAFigureOnTheCatalogueAnotherNodeAmendedSinceItReadIt() {
        commands(first).sendAndWait(new DefineMetric("participants", "Participants", List.of("persons"),
                Aggregation.SUM, true, "", "s"));
        commands(first).sendAndWait(participants("f1"));
        commands(first).sendAndWait(participants("f2"));
        ConfigurableApplicationContext second = nodes.start("node-b");
        commands(second).sendAndWait(new AmendMetric("participants", "Participants", List.of("persons"),
                Aggregation.LEVEL, true, "", "a count standing at a day after all"));

        commands(first).sendAndWait(participants("f3"));

        assertThat(sequenceNumbers()).containsExactlyElementsOf(LongStream.rangeClosed(0, 5).boxed().toList());
        assertThat(first.getBean(JdbcTemplate.class).queryForObject("SELECT payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 5", String.class, PERIOD))
                .as("decided on the entry as stored").contains("\"figureId\":\"f3\"", "\"aggregation\":\"LEVEL\"");
    }

    /** A refusal is never stored, so no insert checks what it was decided on: the refusing node asks the store. */
    @Test
    void aNodeDoesNotRefuseAFigureInAUnitAnotherNodeAddedSinceItReadTheCatalogue() {
        commands(first).sendAndWait(new DefineMetric("participants", "Participants", List.of("persons"),
                Aggregation.SUM, true, "", "s"));
        commands(first).sendAndWait(participants("f1"));
        ConfigurableApplicationContext second = nodes.start("node-b");
        commands(second).sendAndWait(new AmendMetric("participants", "Participants", List.of("persons", "visitors"),
                Aggregation.SUM, true, "", "visitors counted too"));

        Long version = commands(first).sendAndWait(new RecordFigure(PERIOD, "f2", 1, "1.1", "participants",
                BigDecimal.ONE, "visitors", Qualifier.EXACTLY, Side.HONG_KONG, Extent.year(2021), Basis.FLOW, "s"));

        assertThat(version).isEqualTo(4);
        assertThat(sequenceNumbers()).containsExactlyElementsOf(LongStream.rangeClosed(0, 4).boxed().toList());
    }

    /** As in a dry-run import: the command's unit of work commits, the database transaction around it does not. */
    @Test
    void whatARolledBackTransactionRecordedIsForgotten() {
        TransactionTemplate rolledBack = new TransactionTemplate(first.getBean(PlatformTransactionManager.class));
        rolledBack.executeWithoutResult(status -> {
            assertThat(commands(first).<Long>sendAndWait(course("1.2", "Course 2"))).isEqualTo(3);
            status.setRollbackOnly();
        });

        Long version = commands(first).sendAndWait(course("1.2", "Another course 2"));

        assertThat(version).isEqualTo(3);
        assertThat(sequenceNumbers()).containsExactlyElementsOf(LongStream.rangeClosed(0, 3).boxed().toList());
    }
}
