package org.programmeledger.ledger.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.MetricAmended;
import org.programmeledger.ledger.api.MetricDefined;
import org.programmeledger.ledger.api.OrganisationRegistered;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.store.AppendGuard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry as look-up tables, written by a subscribing processor inside the transaction
 * that stores the registering event (Axon's set-based validation pattern).
 */
@Component
@ProcessingGroup(JdbcRegistry.PROCESSING_GROUP)
class JdbcRegistry implements Registry {

    static final String PROCESSING_GROUP = "registry";
    private static final Object KNOWN_ORGANISATIONS = JdbcRegistry.class.getName() + ".knownOrganisations";
    private static final Object METRICS_READ = JdbcRegistry.class.getName() + ".metricsRead";

    private final JdbcTemplate jdbc;
    /**
     * The catalogue's entries this node has read, by metric: a figure then needs no query for its metric. Another
     * node may amend an entry meanwhile, so a figure decided on a held entry is appended only if the store still
     * holds that entry ({@link AppendGuard}, checked by the insert); if not, all are forgotten and the command is
     * sent again.
     */
    private final Map<String, CatalogueEntry> held = new ConcurrentHashMap<>();
    private final Runnable forgetHeld = held::clear;

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

    @EventHandler
    void on(MetricDefined event) {
        putMetric(event.metricId(), event.units(), event.aggregation());
    }

    @EventHandler
    void on(MetricAmended event) {
        putMetric(event.metricId(), event.units(), event.aggregation());
    }

    void putMetric(String metricId, List<String> units, Aggregation aggregation) {
        metricsReadInThisTransaction().clear();
        forgetAfterThisTransaction(metricId);
        if (jdbc.update("UPDATE registry_metric SET units = ?, aggregation = ? WHERE metric_id = ?",
                String.join(";", units), aggregation.name(), metricId) == 0) {
            jdbc.update("INSERT INTO registry_metric (metric_id, units, aggregation) VALUES (?, ?, ?)", metricId,
                    String.join(";", units), aggregation.name());
        }
    }

    /**
     * What every figure asks: the metric's entry as this node holds it, guarded (see {@link #held}), or else one
     * query for the metric's row and the catalogue's first row, which tells whether the catalogue has begun when
     * the metric has none. Remembered for the rest of the transaction, which changes the catalogue only through
     * this registry's own handlers (they forget what was read): a bulk import asks for the same few metrics on
     * every figure.
     */
    @Override
    public CatalogueLookup metric(String metricId) {
        return metricsReadInThisTransaction().computeIfAbsent(metricId, id -> {
            CatalogueEntry entry = held.get(id);
            if (entry != null && AppendGuard.require(stillStored(entry))) {
                return new CatalogueLookup(Optional.of(entry), true);
            }
            List<CatalogueEntry> rows = jdbc.query("SELECT metric_id, units, aggregation FROM registry_metric "
                            + "WHERE metric_id = ? OR metric_id = (SELECT MIN(metric_id) FROM registry_metric)",
                    (row, n) -> new CatalogueEntry(row.getString(1), List.of(row.getString(2).split(";")),
                            Aggregation.valueOf(row.getString(3))), id);
            Optional<CatalogueEntry> read = rows.stream().filter(row -> row.metricId().equals(id)).findFirst();
            read.ifPresent(this::holdAfterThisTransaction);
            return new CatalogueLookup(read, !rows.isEmpty());
        });
    }

    private AppendGuard stillStored(CatalogueEntry entry) {
        return new AppendGuard("EXISTS (SELECT 1 FROM registry_metric WHERE metric_id = ? AND units = ? "
                + "AND aggregation = ?)", List.of(entry.metricId(), String.join(";", entry.units()),
                entry.aggregation().name()), forgetHeld);
    }

    /** Held once the transaction that read it commits: what a rolled-back transaction wrote was never stored. */
    private void holdAfterThisTransaction(CatalogueEntry entry) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    held.put(entry.metricId(), entry);
                }
            });
        }
    }

    /** Forgotten at once, and again when the transaction that changes it ends, whatever it read meanwhile. */
    private void forgetAfterThisTransaction(String metricId) {
        held.remove(metricId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    held.remove(metricId);
                }
            });
        }
    }

    @Override
    public SortedSet<String> metrics() {
        return new TreeSet<>(jdbc.queryForList("SELECT metric_id FROM registry_metric", String.class));
    }

    @Override
    public boolean programmeEstablished(String programmeId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM registry_programme WHERE programme_id = ?", Integer.class, programmeId);
        return count != null && count > 0;
    }

    /**
     * One query for the ids not yet seen known in this transaction. An organisation stays registered, so
     * what the transaction has read as known stays known until it ends (a bulk import asks for the same
     * few organisations on every row).
     */
    @Override
    public SortedSet<String> unknownOrganisations(Collection<String> organisationIds) {
        Set<String> known = knownInThisTransaction();
        SortedSet<String> unknown = new TreeSet<>(organisationIds);
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return unknown;
        }
        List<String> asked = List.copyOf(unknown);
        List<String> found = jdbc.queryForList("SELECT organisation_id FROM registry_organisation "
                + "WHERE organisation_id IN (" + String.join(", ", Collections.nCopies(asked.size(), "?")) + ")",
                String.class, asked.toArray());
        unknown.removeAll(found);
        known.addAll(found);
        return unknown;
    }

    private static Set<String> knownInThisTransaction() {
        return inThisTransaction(KNOWN_ORGANISATIONS, new HashSet<>());
    }

    private static Map<String, CatalogueLookup> metricsReadInThisTransaction() {
        return inThisTransaction(METRICS_READ, new HashMap<>());
    }

    /** A resource of the current transaction, bound on first use; {@code fresh} outside transactions. */
    @SuppressWarnings("unchecked")
    private static <T> T inThisTransaction(Object key, T fresh) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return fresh;
        }
        T bound = (T) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        TransactionSynchronizationManager.bindResource(key, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return fresh;
    }
}
