package org.programmeledger.analytics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;

/** An item of many rows is printed a row at a time: the writer never holds all its rows' cells at once. */
class CsvItemWriterTest {

    @TempDir
    Path folder;

    @Test
    void makesEachRowOfAnItemAsItPrintsIt() throws Exception {
        AtomicInteger made = new AtomicInteger();
        List<Integer> madeWhenPrinted = new ArrayList<>();
        CsvItemWriter<Integer> writer = CsvItemWriter.rowsOf(folder.resolve("rows.csv"), List.of("row"),
                rows -> IntStream.rangeClosed(1, rows).mapToObj(row -> {
                    made.incrementAndGet();
                    // Printed by its text: how many rows were made by then.
                    return List.<Object>of(new Object() {
                        @Override
                        public String toString() {
                            madeWhenPrinted.add(made.get());
                            return "r" + row;
                        }
                    });
                }), "test", Map.of(), 1, "2026-12-02T00:00:00Z");

        writer.open(new ExecutionContext());
        writer.write(Chunk.of(3));
        writer.close();

        assertThat(madeWhenPrinted).containsExactly(1, 2, 3);
        List<Path> written;
        try (var files = Files.list(folder)) {
            written = files.toList();
        }
        assertThat(written).hasSize(1);
        assertThat(Files.readString(written.get(0))).isEqualTo("row\r\nr1\r\nr2\r\nr3\r\n");
    }
}
