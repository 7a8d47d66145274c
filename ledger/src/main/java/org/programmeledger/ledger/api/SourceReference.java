package org.programmeledger.ledger.api;

/**
 * Where a value comes from, beside the quoted passage: the document, its date as the document gives it
 * ({@code 2022}, {@code 2022-07} or {@code 2022-07-15}), a page or paragraph, and a link. Every part is optional.
 */
public record SourceReference(String document, String date, String location, String link) {

    /** The reference, or null when no part of it is given. */
    public static SourceReference of(String document, String date, String location, String link) {
        SourceReference reference = new SourceReference(blankToNull(document), blankToNull(date),
                blankToNull(location), blankToNull(link));
        return reference.equals(new SourceReference(null, null, null, null)) ? null : reference;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
