package org.programmeledger.dashboards.cli;

/**
 * A server that did not do what a command sent it: none answers, the sign-in or the role was refused, or the
 * request was (its problem document's detail). Said in one line with the command's exit code for it.
 */
class ServerRefusal extends RuntimeException {

    private final int exitCode;

    ServerRefusal(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
