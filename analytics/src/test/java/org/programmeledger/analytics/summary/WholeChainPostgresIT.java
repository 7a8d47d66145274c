package org.programmeledger.analytics.summary;

import org.programmeledger.ledgertest.OnPostgres;

/** The chain of wholes on PostgreSQL. */
@OnPostgres
class WholeChainPostgresIT extends WholeChainIT {
}
