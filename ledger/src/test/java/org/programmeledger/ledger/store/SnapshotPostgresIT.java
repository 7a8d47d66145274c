package org.programmeledger.ledger.store;

import org.programmeledger.ledgertest.OnPostgres;

/** Snapshots on PostgreSQL, where Axon replaces older ones in a table that is not append-only. */
@OnPostgres
class SnapshotPostgresIT extends SnapshotIT {
}
