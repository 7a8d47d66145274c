package org.programmeledger.ledger.service;

/**
 * What a user may do: the secretariat records, submits and publishes, approvers approve or return what
 * was submitted, auditors read history and verify, viewers read.
 */
public enum LedgerRole {
    SECRETARIAT,
    APPROVER,
    AUDITOR,
    VIEWER
}
