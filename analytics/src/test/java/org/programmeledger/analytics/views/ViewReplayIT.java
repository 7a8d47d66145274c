package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.facade.LedgerEventReads;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** A replay from zero rebuilds the views exactly, and finds it when they had drifted from the events. */
@SpringBootTest(classes = AnalyticsTestApplication.class)
class ViewReplayIT {

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    ViewReplay replay;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    LedgerViewsProjection projection;
    @Autowired
    LedgerEventReads events;
    @Autowired
    TransactionManager transactions;

    /** The replay compared above is the direct one: the views' processor has the projection as its only handler. */
    @Test
    void replaysCallTheProjectionsHandlersDirectly() {
        TrackingEventProcessor processor = processing
                .eventProcessor(LedgerViews.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();

        assertThat(ProjectionCalls.of(processor.eventHandlerInvoker(), projection))
                .isInstanceOf(ProjectionCalls.Direct.class);
    }

    /** A page holds its events until their handlers ran: only what the handlers take, not the serialized form. */
    @Test
    @DirtiesContext
    void aReplaysPageKeepsOfEachEventOnlyWhatTheProjectionsHandlersTake() throws Exception {
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        TrackingEventProcessor processor = processing
                .eventProcessor(LedgerViews.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        ProjectionCalls calls = ProjectionCalls.of(processor.eventHandlerInvoker(), projection);
        List<TrackedEventMessage<?>> read = transactions.fetchInTransaction(() -> events.after(-1, 20));
        List<TrackedEventMessage<?>> kept = transactions.fetchInTransaction(() -> calls.read(events, -1, 20));

        assertThat(kept).hasSize(20);
        assertThat(read).hasSize(20).zipSatisfy(kept, (event, keptEvent) -> {
            DomainEventMessage<?> lean = (DomainEventMessage<?>) keptEvent;
            assertThat(lean.getPayload()).isEqualTo(event.getPayload());
            assertThat(lean.getPayloadType()).isEqualTo(event.getPayloadType());
            assertThat(lean.getTimestamp()).isEqualTo(event.getTimestamp());
            assertThat(lean.getSequenceNumber()).isEqualTo(((DomainEventMessage<?>) event).getSequenceNumber());
            assertThat(lean.getAggregateIdentifier()).isEqualTo(((DomainEventMessage<?>) event).getAggregateIdentifier());
            assertThat(lean.getType()).isEqualTo(((DomainEventMessage<?>) event).getType());
            assertThat(keptEvent.trackingToken()).isEqualTo(event.trackingToken());
            assertThat(lean.getIdentifier()).isEqualTo(event.getIdentifier());
            assertThat(event.getMetaData()).isNotEmpty();
            assertThat(lean.getMetaData()).isEmpty();
        });
    }

    @Test
    void rebuildsIdenticalViewsTwiceAndReportsViewsThatDriftedFromTheEvents() throws Exception {
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        commands.sendAndWait(new CorrectFigure("gdhk-ipr-2020-mid-2022", "5.1.1", new BigDecimal("184"),
                Qualifier.ABOUT, "recount"));
        commands.sendAndWait(new RetractActivity("gdhk-ipr-2020-mid-2022", "13.1", "recorded in error"));
        commands.sendAndWait(new RecordAlternativeValue("gdhk-ipr-2020-mid-2022", "3.2.1", new BigDecimal("902"),
                null, Qualifier.EXACTLY, "a test source giving 902 applications", null));
        commands.sendAndWait(new AdoptValue("gdhk-ipr-2020-mid-2022", "3.2.1", 0, "the report is the group's own"));
        commands.sendAndWait(seized("6.1.5", 1000, "6.1.2"));
        commands.sendAndWait(seized("6.1.6", 100, "6.1.5"));
        views.awaitHead(Duration.ofMinutes(2));
        List<String> before = rows();
        List<Long> progress = new ArrayList<>();

        ReplayReport first = replay.replay(Duration.ofMinutes(1), (reached, head) -> progress.add(reached));
        ReplayReport second = replay.replay(Duration.ofMinutes(1), (reached, head) -> { });

        assertThat(first.identical()).as(first.differences().toString()).isTrue();
        assertThat(second.identical()).isTrue();
        // The last event's position: 142 events, but on PostgreSQL positions drawn ahead may leave gaps.
        long lastPosition = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(142);
        assertThat(first.position()).isEqualTo(lastPosition);
        assertThat(rows()).isEqualTo(before);
        assertThat(progress).last().isEqualTo(lastPosition);
        assertThat(before).filteredOn(row -> row.startsWith("view_figure_value")).hasSize(2)
                .anyMatch(row -> row.contains("value_number=0") && row.contains("the report is the group's own"));
        assertThat(before).filteredOn(row -> row.startsWith("view_figure_whole")).hasSize(3)
                .anyMatch(row -> row.contains("figure_id=6.1.6") && row.contains("whole_id=6.1.2")
                        && row.contains("depth=2"));

        jdbc.update("UPDATE view_figure SET figure_value = 1 WHERE figure_id = '6.1.2'");
        ReplayReport drifted = replay.replay(Duration.ofMinutes(1), (reached, head) -> { });
        assertThat(drifted.identical()).isFalse();
        assertThat(drifted.differences()).hasSize(2).allMatch(line -> line.contains("figure_id=6.1.2"));
        assertThat(jdbc.queryForObject("SELECT figure_value FROM view_figure WHERE figure_id = '6.1.2'",
                BigDecimal.class)).isEqualByComparingTo("6980000");

        // The live processor goes on from where the replays left the token.
        commands.sendAndWait(new EstablishProgramme("after-replay", "Established after three replays"));
        views.awaitHead(Duration.ofSeconds(60));
        assertThat(jdbc.queryForList("SELECT programme_id FROM view_programme", String.class)).contains("after-replay");
    }

    /** Items seized in one operation of 2021, part of a larger count. */
    private static RecordFigure seized(String figureId, int items, String partOf) {
        return new RecordFigure("gdhk-ipr-2020-mid-2022", figureId, 6, null, "infringing-items-seized",
                BigDecimal.valueOf(items), null, "items", Qualifier.EXACTLY, Side.GUANGDONG, Extent.parse("2021"), null,
                Basis.FLOW, partOf, "a test source", null);
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        replay.eachRow(rows::add);
        return rows;
    }
}
