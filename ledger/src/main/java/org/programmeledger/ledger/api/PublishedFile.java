package org.programmeledger.ledger.api;

/**
 * One file of a publication.
 *
 * @param path   relative to the publication's folder, with forward slashes
 * @param sha256 the SHA-256 of its bytes, in lower-case hex
 */
public record PublishedFile(String path, String sha256, long bytes) {
}
