package org.programmeledger.dashboards.cli;

/** The --store of a command that reads a store holds none: a usage error (exit code 2), said in one line. */
class NoStoreException extends RuntimeException {

    NoStoreException(String message) {
        super(message);
    }
}
