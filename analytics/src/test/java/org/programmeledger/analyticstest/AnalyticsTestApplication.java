package org.programmeledger.analyticstest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ledger and its analytics, on a fresh H2 file store per Spring context. */
@SpringBootApplication(scanBasePackages = {"org.programmeledger.ledger", "org.programmeledger.analytics"})
public class AnalyticsTestApplication {
}
