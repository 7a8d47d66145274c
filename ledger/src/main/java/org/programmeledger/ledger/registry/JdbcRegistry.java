package org.programmeledger.ledger.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
     * What this node has read of the catalogue, by metric: the metric's entry, or that the catalogue has not begun
     * (a ledger begun before it). A figure then needs no query for its metric. Another node may change the
     * catalogue meanwhile, so a figure decided on what is held is appended only if the store still says the same
     * ({@link AppendGuard}, checked by the insert); if not, all is forgotten and the command is sent again.
     * Refusals are not held: the refused figure's metric is read again ({@link #metricAsStored}).
     */
    private final Map<String, CatalogueLookup> held = new ConcurrentHashMap<>();
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
        // This transaction changes the catalogue itself: what it read is read again, and no longer guarded.
        metricsReadInThisTransaction().values().forEach(read -> AppendGuard.withdraw(stillStored(read)));
        metricsReadInThisTransaction().clear();
        forgetAfterThisTransaction();
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
            CatalogueLookup remembered = held.get(id);
            if (remembered != null && AppendGuard.require(stillStored(remembered))) {
                return remembered;
            }
            List<CatalogueEntry> rows = jdbc.query("SELECT metric_id, units, aggregation FROM registry_metric "
                            + "WHERE metric_id = ? OR metric_id = (SELECT MIN(metric_id) FROM registry_metric)",
                    (row, n) -> new CatalogueEntry(row.getString(1), List.of(row.getString(2).split(";")),
                            Aggregation.valueOf(row.getString(3))), id);
            CatalogueLookup read = new CatalogueLookup(rows.stream().filter(row -> row.metricId().equals(id))
                    .findFirst(), !rows.isEmpty());
            if (read.entry().isPresent() || !read.catalogueBegun()) {
                holdAfterThisTransaction(id, read);
            }
            return read;
        });
    }

    @Override
    public CatalogueLookup metricAsStored(String metricId) {
        held.remove(metricId);
        CatalogueLookup read = metricsReadInThisTransaction().remove(metricId);
        if (read != null) {
            AppendGuard.withdraw(stillStored(read));
        }
        return metric(metricId);
    }

    private AppendGuard stillStored(CatalogueLookup lookup) {
        if (lookup.entry().isEmpty()) {
            return new AppendGuard("NOT EXISTS (SELECT 1 FROM registry_metric)", List.of(), forgetHeld);
        }
        CatalogueEntry entry = lookup.entry().get();
        return new AppendGuard("EXISTS (SELECT 1 FROM registry_metric WHERE metric_id = ? AND units = ? "
                + "AND aggregation = ?)", List.of(entry.metricId(), String.join(";", entry.units()),
                entry.aggregation().name()), forgetHeld);
    }

    /** Held once the transaction that read it commits: what a rolled-back transaction wrote was never stored. */
    private void holdAfterThisTransaction(String metricId, CatalogueLookup lookup) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    held.put(metricId, lookup);
                }
            });
        }
    }

    /**
     * All forgotten (a new metric begins the catalogue for every other metric) at once, and again when the
     * transaction that changes the catalogue ends, whatever was read meanwhile.
     */
    private void forgetAfterThisTransaction() {
        held.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    held.clear();
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
