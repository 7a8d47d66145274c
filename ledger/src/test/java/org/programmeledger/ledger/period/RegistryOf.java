package org.programmeledger.ledger.period;

import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.programmeledger.ledger.registry.Registry;

/** A registry that knows a fixed set of programmes and organisations, for aggregate fixtures. */
record RegistryOf(Set<String> programmes, Set<String> organisations) implements Registry {

    @Override
    public boolean programmeEstablished(String programmeId) {
        return programmes.contains(programmeId);
    }

    @Override
    public SortedSet<String> unknownOrganisations(Collection<String> organisationIds) {
        SortedSet<String> unknown = new TreeSet<>(organisationIds);
        unknown.removeAll(organisations);
        return unknown;
    }
}
