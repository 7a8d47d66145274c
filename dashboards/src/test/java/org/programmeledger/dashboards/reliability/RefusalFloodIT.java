package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large import files of refused rows given to {@code bin/ledger import} in a JVM with a small heap: each is
 * refused with its first lines and a count, in a bounded heap and a short output, where the importer used
 * to hold every row's command, log a stack trace per refused row and end in OutOfMemoryError.
 */
class RefusalFloodIT {

    private static final int ROWS = 300_000;
    private static final List<String> SMALL_HEAP = List.of("-Xmx128m");

    @TempDir
    Path home;

    @Test
    void aLargeFileOfRowsForAnUnknownPeriodIsRefusedInASmallHeapWithItsFirstLines() throws Exception {
        Path file = figures("nowhere,f%d,2,,participants,250,persons,exactly,joint,2020-12,flow,s");

        String output = importInASmallHeap(file);

        assertThat(output).contains("06-figures.csv             refused, nothing recorded:",
                "line 2: 'nowhere' is not in the ledger; record it first",
                "line 102: this row and the rest were not checked against the ledger: the file is refused after "
                        + "100 refused rows");
    }

    @Test
    void aLargeFileOfBadCellsIsRefusedInASmallHeapWithTheFirstHundredAndACount() throws Exception {
        Path file = figures("p,f%d,2,,participants,1 268,persons,exactly,joint,2020-12,flow,s");

        String output = importInASmallHeap(file);

        assertThat(output).contains("line 2: value: '1 268' is not a number",
                "line 102: and " + (ROWS - 100) + " more problems from this line on, not listed");
    }

    private Path figures(String row) throws IOException {
        Path file = home.resolve("06-figures.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("period_id,figure_id,item,activity_id,metric,value,unit,qualifier,side,extent,basis,source\n");
            for (int n = 0; n < ROWS; n++) {
                out.write(String.format(row, n));
                out.write('\n');
            }
        }
        assertThat(Files.size(file)).isGreaterThan(20_000_000);
        return file;
    }

    private String importInASmallHeap(Path file) throws Exception {
        try (LedgerProcess importing = LedgerProcess.start(home, "import.log", SMALL_HEAP, "import",
                file.toString())) {
            int exit = importing.awaitExit(Duration.ofMinutes(5));
            String output = importing.output();
            assertThat(exit).as(output).isEqualTo(1);
            assertThat(output).doesNotContain("OutOfMemoryError", "at org.axonframework");
            assertThat(output.length()).as("the output of a refused file").isLessThan(100_000);
            return output;
        }
    }
}
