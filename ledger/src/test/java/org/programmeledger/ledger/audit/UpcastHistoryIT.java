package org.programmeledger.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.facade.LedgerEventReads;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * History and as-of read the events as the ledger reads them, upcasters applied: an upcaster that rewrites how
 * the stored plan periods are labelled shows in both, though the stored JSON is unchanged.
 */
@SpringBootTest(classes = {LedgerTestApplication.class, UpcastHistoryIT.Relabel.class})
class UpcastHistoryIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";

    @Autowired
    LedgerImporter importer;
    @Autowired
    AuditTrail trail;
    @Autowired
    AsOf asOf;
    @Autowired
    LedgerEventReads events;
    @Autowired
    TransactionManager transactions;

    @Test
    void historyAndAsOfShowTheUpcastEvent() {
        assertThat(importer.importFiles(SeedData.files(), Map.of(), ImportListener.SILENT))
                .flatExtracting(ImportReport::problems).isEmpty();

        assertThat(trail.period(PERIOD).get(0).payload().get("label")).asString().endsWith(" (relabelled)");
        assertThat(asOf.at(Instant.now(), PERIOD).periods()).singleElement()
                .satisfies(period -> assertThat(period.label()).endsWith(" (relabelled)"));
        // A replay's reads, which leave the metadata behind, go through the upcasters too.
        assertThat(transactions.fetchInTransaction(() -> events.afterWithoutMetaData(-1, 200)))
                .extracting(TrackedEventMessage::getPayload).filteredOn(PlanPeriodOpened.class::isInstance)
                .singleElement().satisfies(period -> assertThat(((PlanPeriodOpened) period).label())
                        .endsWith(" (relabelled)"));
    }

    /** An upcaster as a later revision might need one: it rewrites a field of every stored plan period. */
    @TestConfiguration
    static class Relabel {

        @Bean
        SingleEventUpcaster relabel() {
            return new SingleEventUpcaster() {
                @Override
                protected boolean canUpcast(IntermediateEventRepresentation event) {
                    return event.getType().getName().equals(PlanPeriodOpened.class.getName());
                }

                @Override
                protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
                    return event.upcastPayload(event.getType(), JsonNode.class, payload -> {
                        ObjectNode fields = (ObjectNode) payload;
                        return fields.put("label", fields.get("label").asText() + " (relabelled)");
                    });
                }
            };
        }
    }
}
