package org.programmeledger.ledger.service;

/** An export file that cannot be loaded, with the line where it goes wrong; nothing was loaded. */
public class ExportRefused extends RuntimeException {

    private final long line;

    public ExportRefused(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
