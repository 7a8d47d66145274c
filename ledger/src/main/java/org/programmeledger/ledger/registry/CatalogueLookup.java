package org.programmeledger.ledger.registry;

import java.util.Optional;

/**
 * What the catalogue says of a metric: its entry, if it has one, and whether the catalogue has begun (before
 * the first metric is defined, a figure may name any metric).
 */
public record CatalogueLookup(Optional<CatalogueEntry> entry, boolean catalogueBegun) {
}
