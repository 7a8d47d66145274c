package org.programmeledger.ledger.web;

import org.programmeledger.ledgertest.OnPostgres;

/** The command API's tests on PostgreSQL. */
@OnPostgres
class CommandApiPostgresIT extends CommandApiIT {

    /** Not a test here: the 20 s load test runs once, on H2, and tests the command bus more than the store. */
    @Override
    void recordsAThousandActivitiesFromEightConcurrentClientsEachOnce() {
    }
}
