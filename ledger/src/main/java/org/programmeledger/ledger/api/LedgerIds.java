package org.programmeledger.ledger.api;

import java.util.regex.Pattern;

/**
 * The one rule for the identifiers a user chooses (programme, organisation, plan period, activity, figure):
 * 1 to 255 of RFC 3986's unreserved characters, so that an identifier is its own URL path segment, file
 * name part and CSV cell, and never needs quoting. The API and the import check it before sending a command.
 */
public final class LedgerIds {

    public static final int MAX_LENGTH = 255;
    /** For {@code @Pattern}: letters, digits, '-', '.', '_', '~'. */
    public static final String PATTERN = "[A-Za-z0-9._~-]{1," + MAX_LENGTH + "}";
    public static final String RULE = "must be 1 to 255 of the characters A-Z a-z 0-9 - . _ ~ (RFC 3986 unreserved)";

    private static final Pattern ID = Pattern.compile(PATTERN);

    private LedgerIds() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
