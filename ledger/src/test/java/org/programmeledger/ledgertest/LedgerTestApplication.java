package org.programmeledger.ledgertest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ledger alone, on a fresh H2 file store per Spring context, for the ledger's integration tests.
 * Kept outside the scanned packages so that other modules' test applications do not pick it up.
 */
@SpringBootApplication(scanBasePackages = "org.programmeledger.ledger")
public class LedgerTestApplication {
}
