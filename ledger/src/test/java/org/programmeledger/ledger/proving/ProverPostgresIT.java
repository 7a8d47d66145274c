package org.programmeledger.ledger.proving;

import org.programmeledger.ledgertest.OnPostgres;

/** The proofs on PostgreSQL, where the leaves are streamed with a cursor. */
@OnPostgres
class ProverPostgresIT extends ProverIT {
}
