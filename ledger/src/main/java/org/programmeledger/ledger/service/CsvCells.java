package org.programmeledger.ledger.service;

import org.apache.commons.csv.CSVFormat;

/** The one CSV dialect of every output: RFC 4180, UTF-8, CRLF, a header row, formulas neutralised. */
public final class CsvCells {

    private CsvCells() {
    }

    public static CSVFormat format(String... header) {
        return CSVFormat.RFC4180.builder().setHeader(header).get();
    }

    /**
     * A cell as text that a spreadsheet will not run: one that begins with =, +, -, @, a tab or a
     * carriage return is prefixed with an apostrophe (OWASP's advice against CSV injection).
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
