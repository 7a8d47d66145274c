package org.programmeledger.ledger.importing;

import org.programmeledger.ledgertest.OnPostgres;

/** The batch import's tests on PostgreSQL. */
@OnPostgres
class BatchImportPostgresIT extends BatchImportIT {
}
