package org.programmeledger.ledger.service;

/** One bad field of a request: its name (a JSON path such as {@code organisers[1]}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
