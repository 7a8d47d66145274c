package org.programmeledger.analytics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.service.CsvCells;

/** The jobs' own CSV printing against commons-csv's, in the outputs' dialect, byte for byte. */
class CsvRowsTest {

    private static final List<String> HOSTILE = List.of("", " ", "  ", "plain", "two words", "a,b", ",", "\"",
            "\"\"", "say \"hi\"", "\"quoted\"", "line\nbreak", "\n", "\r", "\r\n", "end\r", "end\n", " lead",
            "trail ", "trail\t", "\tlead", "#", "#comment", "a#b", "!", "!bang", "$dollar", "%", "'apostrophe",
            "(x)", "-1", "+1", "=SUM(A1)", "@x", "0", "1.50", "-0.000001", "x\u0000", "\u0000x", "\u001fx",
            "x\u001f", "x\u007f", "\u007fx", "ünïcödé", "日本語", "emoji 😀", "😀", "\u00a0nbsp", "nbsp\u00a0",
            "a;b;c", "\\", "back\\slash", "tab\there", "€", "\"a,b\"\r\n\"c\"");

    @Test
    void printsHostileCellsAsCommonsCsvDoesInEveryPositionOfARecord() throws IOException {
        List<List<String>> records = new ArrayList<>();
        for (String cell : HOSTILE) {
            records.add(List.of(cell));
            records.add(List.of(cell, cell));
            records.add(List.of("x", cell, "y"));
            records.add(List.of("", cell));
            records.add(List.of(cell, ""));
        }
        assertSamePrinting(records);
    }

    @Test
    void printsRandomCellsOfAwkwardCharactersAsCommonsCsvDoes() throws IOException {
        String alphabet = "\u0000\u0001\t\n\r \"#$',;=+-@aZ9\\\u007f\u00a0é€😀";
        Random random = new Random(19);
        List<List<String>> records = new ArrayList<>();
        for (int r = 0; r < 2_000; r++) {
            List<String> record = new ArrayList<>();
            for (int c = random.nextInt(4) + 1; c > 0; c--) {
                StringBuilder cell = new StringBuilder();
                for (int n = random.nextInt(5); n > 0; n--) {
                    cell.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                            random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
                record.add(cell.toString());
            }
            records.add(record);
        }
        assertSamePrinting(records);
    }

    @Test
    void quotesOnlyWhereCommonsCsvDoes() {
        assertThat(CsvRows.needsQuotes("", true)).isTrue();
        assertThat(CsvRows.needsQuotes("", false)).isFalse();
        assertThat(CsvRows.needsQuotes("#", false)).isTrue();
        assertThat(CsvRows.needsQuotes("a b", false)).isFalse();
        assertThat(CsvRows.needsQuotes("a ", false)).isTrue();
        assertThat(CsvRows.needsQuotes("2026-11-30", false)).isFalse();
    }

    private static void assertSamePrinting(List<List<String>> records) throws IOException {
        String[] header = {"period", "total"};
        StringWriter expected = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(expected, CsvCells.format(header))) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        }
        StringWriter actual = new StringWriter();
        CsvRows rows = new CsvRows(actual);
        for (String name : header) {
            rows.print(name);
        }
        rows.endRecord();
        for (List<String> record : records) {
            for (String cell : record) {
                rows.print(cell);
            }
            rows.endRecord();
        }
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }
}
