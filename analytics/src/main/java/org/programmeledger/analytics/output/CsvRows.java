package org.programmeledger.analytics.output;

import java.io.IOException;
import java.io.Writer;

/**
 * Prints rows of text cells byte for byte as commons-csv prints them in the outputs' dialect
 * ({@code CsvCells.format}: RFC 4180, quoted only where needed, CRLF), without its per-cell checks of the
 * format and the value's type: the jobs print one cell per column of every line.
 */
final class CsvRows {

    private final Writer out;
    private boolean firstInRecord = true;

    CsvRows(Writer out) {
        this.out = out;
    }

    void print(String cell) throws IOException {
        if (!firstInRecord) {
            out.write(',');
        }
        if (needsQuotes(cell, firstInRecord)) {
            printQuoted(cell);
        } else {
            out.write(cell);
        }
        firstInRecord = false;
    }

    void endRecord() throws IOException {
        out.write("\r\n");
        firstInRecord = true;
    }

    /**
     * commons-csv's MINIMAL quoting: an empty cell that starts a record (else the record would read as an empty
     * line), a cell starting with a character up to '#' (its comment marker), one holding a quote, comma, CR or
     * LF, and one ending in a space or a control character.
     */
    static boolean needsQuotes(String cell, boolean firstInRecord) {
        int length = cell.length();
        if (length == 0) {
            return firstInRecord;
        }
        if (cell.charAt(0) <= '#') {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = cell.charAt(i);
            if (c == '"' || c == ',' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return cell.charAt(length - 1) <= ' ';
    }

    private void printQuoted(String cell) throws IOException {
        out.write('"');
        int start = 0;
        for (int quote = cell.indexOf('"'); quote >= 0; quote = cell.indexOf('"', quote + 1)) {
            out.write(cell, start, quote + 1 - start);
            out.write('"');
            start = quote + 1;
        }
        out.write(cell, start, cell.length() - start);
        out.write('"');
    }
}
