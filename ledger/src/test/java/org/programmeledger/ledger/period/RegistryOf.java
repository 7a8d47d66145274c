package org.programmeledger.ledger.period;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.programmeledger.ledger.registry.CatalogueEntry;
import org.programmeledger.ledger.registry.CatalogueLookup;
import org.programmeledger.ledger.registry.Registry;

/** A registry that knows a fixed set of programmes, organisations and catalogued metrics, for aggregate fixtures. */
public record RegistryOf(Set<String> programmes, Set<String> organisations, Map<String, CatalogueEntry> catalogue)
        implements Registry {

    /** A registry of a ledger begun before the catalogue: no metric is defined. */
    public RegistryOf(Set<String> programmes, Set<String> organisations) {
        this(programmes, organisations, Map.of());
    }

    public RegistryOf withMetrics(CatalogueEntry... entries) {
        return new RegistryOf(programmes, organisations, Arrays.stream(entries)
                .collect(Collectors.toMap(CatalogueEntry::metricId, entry -> entry)));
    }

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

    @Override
    public CatalogueLookup metric(String metricId) {
        return new CatalogueLookup(Optional.ofNullable(catalogue.get(metricId)), !catalogue.isEmpty());
    }

    @Override
    public SortedSet<String> metrics() {
        return new TreeSet<>(catalogue.keySet());
    }
}
