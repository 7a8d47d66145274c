package org.programmeledger.analytics.jobs;

/**
 * A row of the views that a job cannot read (a code this version does not know, say). The steps' skip
 * policy leaves such a row out and reports it, rather than failing the whole output.
 */
public class UnreadableRowException extends RuntimeException {

    public UnreadableRowException(String record, Exception cause) {
        super(record + " cannot be read: " + cause.getMessage(), cause);
    }
}
