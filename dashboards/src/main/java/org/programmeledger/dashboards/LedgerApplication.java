package org.programmeledger.dashboards;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application: the ledger, its analytics and its dashboards. Started by the command line. */
@SpringBootApplication(scanBasePackages = {
        "org.programmeledger.ledger", "org.programmeledger.analytics", "org.programmeledger.dashboards"})
public class LedgerApplication {
}
