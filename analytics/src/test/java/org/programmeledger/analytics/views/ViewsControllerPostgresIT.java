package org.programmeledger.analytics.views;

import org.programmeledger.ledgertest.OnPostgres;

/** The same tests on PostgreSQL. */
@OnPostgres
class ViewsControllerPostgresIT extends ViewsControllerIT {
}
