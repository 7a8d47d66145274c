package org.programmeledger.analytics.views;

import org.programmeledger.ledgertest.OnPostgres;

/** The same tests on PostgreSQL, whose rebuild copies each page's rows in with COPY. */
@OnPostgres
class ViewReplaySmallPagesPostgresIT extends ViewReplaySmallPagesIT {
}
