package org.programmeledger.ledger.service;

/** Why one line of an import file was refused. Line 1 is the header. */
public record RowProblem(long line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
