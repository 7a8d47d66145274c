package org.programmeledger.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Every row of data/ quotes its source: each part of its source column is a passage of the seed report. */
class SeedDataTraceabilityTest {

    private static String normalise(String text) {
        return text.replace("*", "").replace("#", "").replaceAll("\\s+", " ").trim();
    }

    @Test
    void everyRowQuotesThePassageOfTheReportItComesFrom() throws IOException {
        String report = normalise(Files.readString(
                SeedData.folder().resolve("sources/summary-of-cooperation-items-2020-mid-2022.txt")));
        List<String> untraced = new ArrayList<>();
        int rows = 0;
        for (Path file : SeedData.files()) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    rows++;
                    for (String passage : row.get("source").split(" \\.\\.\\. ")) {
                        if (!report.contains(normalise(passage))) {
                            untraced.add(file.getFileName() + " line " + (row.getRecordNumber() + 1) + ": " + passage);
                        }
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(17 + 1 + 26 + 1 + 19 + 31 + 22 + 19);
        assertThat(untraced).isEmpty();
    }
}
