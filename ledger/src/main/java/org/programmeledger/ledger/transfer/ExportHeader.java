package org.programmeledger.ledger.transfer;

/**
 * The first line of an export file, naming its format so that no other file is taken for one. Version 2
 * carries leaves of the Merkle tree where version 1 carried links of the hash chain.
 */
record ExportHeader(String format, int version) {

    static final ExportHeader CURRENT = new ExportHeader("programme-ledger-events", 2);
}
