package org.programmeledger.analytics.views;

import org.programmeledger.ledgertest.OnPostgres;

/** The same history on PostgreSQL. */
@OnPostgres
class FigureFactsImportPostgresIT extends FigureFactsImportIT {
}
