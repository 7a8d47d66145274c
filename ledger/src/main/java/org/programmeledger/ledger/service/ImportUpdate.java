package org.programmeledger.ledger.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of an import's streamed answer ({@code Accept: application/x-ndjson}): the rows sent so far, then,
 * last, what the import did ({@code imported}) or would do ({@code dryRun}). Exactly one component is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportUpdate(RowsDone progress, ImportAnswer imported, DryRunAnswer dryRun) {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    /** @param done the rows of the file sent through the command bus (still undone if the file is refused) */
    public record RowsDone(String file, int done, int total) {
    }
}
