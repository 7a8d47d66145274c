package org.programmeledger.dashboards.console;

/**
 * A server that did not do what a command sent it: none answers, the sign-in or the role was refused, or the
 * request was (its problem document's detail). Said in one line with the command's exit code for it.
 */
public class ServerRefusal extends RuntimeException {

    private final int exitCode;

    public ServerRefusal(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
