package org.programmeledger.benchmarks.run;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ledger and its analytics as the application runs them (the same component scan as the dashboards
 * application, without its command line), on the store a run measures.
 */
@SpringBootApplication(scanBasePackages = {"org.programmeledger.ledger", "org.programmeledger.analytics"})
public class BenchApplication {
}
