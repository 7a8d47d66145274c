package org.programmeledger.dashboards.cli;

/**
 * A request the command cannot take as given (a --store that holds no store, a taken user name): a usage error,
 * said in one line with exit code 2.
 */
class UsageRefusal extends RuntimeException {

    UsageRefusal(String message) {
        super(message);
    }
}
