package org.programmeledger.ledger.audit;

import org.programmeledger.ledgertest.OnPostgres;

/** History, as-of, export and the auditors' API on PostgreSQL (tampering is refused there outright). */
@OnPostgres
class AuditTrailPostgresIT extends AuditTrailIT {
}
