package org.programmeledger.ledger;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger alone, on a fresh H2 file store per Spring context, for the ledger's integration tests. */
@SpringBootApplication
public class LedgerTestApplication {
}
