package org.programmeledger.ledger.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.programmeledger.ledger.api.MetricAmended;
import org.programmeledger.ledger.api.MetricDefined;
import org.programmeledger.ledger.api.OrganisationRegistered;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the registry from the stored events, for a store whose events were loaded directly (an import
 * of an export), where the subscribing processor that normally keeps it never ran.
 */
@Component
public class RegistryRebuild {

    private static final ObjectMapper JSON = EventStoreConfiguration.canonicalObjectMapper();

    private final JdbcTemplate jdbc;
    private final JdbcRegistry registry;

    RegistryRebuild(JdbcTemplate jdbc, JdbcRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    public void rebuild() {
        jdbc.update("DELETE FROM registry_programme");
        jdbc.update("DELETE FROM registry_organisation");
        jdbc.update("DELETE FROM registry_metric");
        jdbc.query("SELECT payload FROM domain_event_entry WHERE payload_type = ?", row -> {
            jdbc.update("INSERT INTO registry_programme (programme_id) VALUES (?)",
                    read(row.getString(1), ProgrammeEstablished.class).programmeId());
        }, ProgrammeEstablished.class.getName());
        jdbc.query("SELECT payload FROM domain_event_entry WHERE payload_type = ?", row -> {
            jdbc.update("INSERT INTO registry_organisation (organisation_id) VALUES (?)",
                    read(row.getString(1), OrganisationRegistered.class).organisationId());
        }, OrganisationRegistered.class.getName());
        // Amendments replace definitions, so the catalogue's events are read in the order they were recorded.
        jdbc.query("SELECT payload_type, payload FROM domain_event_entry WHERE payload_type IN (?, ?) "
                + "ORDER BY global_index", row -> {
            if (row.getString(1).equals(MetricDefined.class.getName())) {
                MetricDefined defined = read(row.getString(2), MetricDefined.class);
                registry.putMetric(defined.metricId(), defined.units(), defined.aggregation());
            } else {
                MetricAmended amended = read(row.getString(2), MetricAmended.class);
                registry.putMetric(amended.metricId(), amended.units(), amended.aggregation());
            }
        }, MetricDefined.class.getName(), MetricAmended.class.getName());
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of the store cannot be read as " + type.getSimpleName(), e);
        }
    }
}
