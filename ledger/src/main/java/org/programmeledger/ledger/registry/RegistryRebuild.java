package org.programmeledger.ledger.registry;

import org.programmeledger.ledger.api.MetricAmended;
import org.programmeledger.ledger.api.MetricDefined;
import org.programmeledger.ledger.api.OrganisationRegistered;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.store.LedgerEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the registry from the stored events, for a store whose events were loaded directly (an import
 * of an export), where the subscribing processor that normally keeps it never ran.
 */
@Component
public class RegistryRebuild {

    private final LedgerEvents events;
    private final JdbcTemplate jdbc;
    private final JdbcRegistry registry;

    RegistryRebuild(LedgerEvents events, JdbcTemplate jdbc, JdbcRegistry registry) {
        this.events = events;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Amendments replace definitions, so the events are folded in the order they were recorded. */
    public void rebuild() {
        jdbc.update("DELETE FROM registry_programme");
        jdbc.update("DELETE FROM registry_organisation");
        jdbc.update("DELETE FROM registry_metric");
        events.inOrder(recorded -> {
            Object event = recorded.payload();
            if (event instanceof ProgrammeEstablished established) {
                jdbc.update("INSERT INTO registry_programme (programme_id) VALUES (?)", established.programmeId());
            } else if (event instanceof OrganisationRegistered registered) {
                jdbc.update("INSERT INTO registry_organisation (organisation_id) VALUES (?)",
                        registered.organisationId());
            } else if (event instanceof MetricDefined defined) {
                registry.putMetric(defined.metricId(), defined.units(), defined.aggregation());
            } else if (event instanceof MetricAmended amended) {
                registry.putMetric(amended.metricId(), amended.units(), amended.aggregation());
            }
        });
    }
}
