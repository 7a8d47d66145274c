package org.programmeledger.dashboards.console;

/**
 * A request the command cannot take as given (a --store that holds no store, a taken user name): a usage error,
 * said in one line with exit code 2.
 */
public class UsageRefusal extends RuntimeException {

    /** The exit code of a user's mistake, as each command's help lists it. */
    public static final String EXIT_CODE = "2:a usage error (a bad option or argument, or a --store that holds no "
            + "ledger store)";

    public UsageRefusal(String message) {
        super(message);
    }
}
