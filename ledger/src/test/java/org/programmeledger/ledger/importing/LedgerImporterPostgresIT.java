package org.programmeledger.ledger.importing;

import org.programmeledger.ledgertest.OnPostgres;

/** The importer's tests on PostgreSQL. */
@OnPostgres
class LedgerImporterPostgresIT extends LedgerImporterIT {
}
