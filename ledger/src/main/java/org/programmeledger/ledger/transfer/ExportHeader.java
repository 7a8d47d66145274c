package org.programmeledger.ledger.transfer;

/** The first line of an export file, naming its format so that no other file is taken for one. */
record ExportHeader(String format, int version) {

    static final ExportHeader CURRENT = new ExportHeader("programme-ledger-events", 1);
}
