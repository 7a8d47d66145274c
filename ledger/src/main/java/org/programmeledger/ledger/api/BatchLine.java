package org.programmeledger.ledger.api;

/** One command of a batch and the line of the import file it comes from. */
public record BatchLine<C>(long line, C command) {
}
