package org.programmeledger.ledger.identity;

/** What a user may do: the secretariat records, auditors read history and verify, viewers read. */
public enum LedgerRole {
    SECRETARIAT,
    AUDITOR,
    VIEWER
}
