package org.programmeledger.ledger.registry;

import java.util.Collection;
import java.util.SortedSet;

/**
 * What the ledger has registered so far, for rules that span aggregates: a plan period needs its
 * programme, an item or activity needs the organisations it names, a figure needs its metric. Kept in the same transaction as
 * the events that register them, so a command never sees a half-registered organisation.
 */
public interface Registry {

    boolean programmeEstablished(String programmeId);

    /** The given organisation ids that are not registered, in order; empty when all are known. */
    SortedSet<String> unknownOrganisations(Collection<String> organisationIds);

    /** The metric's entry in the catalogue, and whether the catalogue has begun, in one look-up. */
    CatalogueLookup metric(String metricId);

    /** As {@link #metric}, read from the store even if held in memory: for a refusal, which no insert checks. */
    default CatalogueLookup metricAsStored(String metricId) {
        return metric(metricId);
    }

    /** The metrics of the catalogue, in order; empty before the first is defined. */
    SortedSet<String> metrics();
}
