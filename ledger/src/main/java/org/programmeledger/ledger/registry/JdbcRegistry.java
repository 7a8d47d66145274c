package org.programmeledger.ledger.registry;

import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.programmeledger.ledger.api.OrganisationRegistered;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry as two look-up tables, written by a subscribing processor inside the transaction
 * that stores the registering event (Axon's set-based validation pattern).
 */
@Component
@ProcessingGroup(JdbcRegistry.PROCESSING_GROUP)
class JdbcRegistry implements Registry {

    static final String PROCESSING_GROUP = "registry";

    private final JdbcTemplate jdbc;

    JdbcRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeEstablished event) {
        if (!programmeEstablished(event.programmeId())) {
            jdbc.update("INSERT INTO registry_programme (programme_id) VALUES (?)", event.programmeId());
        }
    }

    @EventHandler
    void on(OrganisationRegistered event) {
        if (!unknownOrganisations(List.of(event.organisationId())).isEmpty()) {
            jdbc.update("INSERT INTO registry_organisation (organisation_id) VALUES (?)", event.organisationId());
        }
    }

    @Override
    public boolean programmeEstablished(String programmeId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM registry_programme WHERE programme_id = ?", Integer.class, programmeId);
        return count != null && count > 0;
    }

    @Override
    public SortedSet<String> unknownOrganisations(Collection<String> organisationIds) {
        SortedSet<String> unknown = new TreeSet<>();
        for (String id : organisationIds) {
            Integer count = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM registry_organisation WHERE organisation_id = ?", Integer.class, id);
            if (count == null || count == 0) {
                unknown.add(id);
            }
        }
        return unknown;
    }
}
