package org.programmeledger.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The largest heap of a workload, and the class histograms that say what it held. */
class HeapWatchTest {

    private static final Pattern NAMED = Pattern.compile("peak-[0-9.]+s-([0-9.]+)MiB\\.txt");

    @Test
    void aWorkloadsHeapAMebibyteLargerIsHistogrammedWithWhatHoldsIt(@TempDir Path folder) throws Exception {
        HeapWatch heap = new HeapWatch(folder);
        heap.startWorkload();
        List<Path> atStart = await(folder, 1);

        byte[][] held = new byte[16][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1024 * 1024];
        }
        HeapWatch.liveMib();
        List<Path> histograms = await(folder, atStart.size() + 1);
        Reference.reachabilityFence(held);

        Path last = histograms.get(histograms.size() - 1);
        assertThat(mib(last)).isGreaterThanOrEqualTo(mib(atStart.get(0)) + 15);
        assertThat(Files.readString(last)).contains("[B", "Total");
        assertThat(heap.largestMib()).isGreaterThanOrEqualTo(mib(atStart.get(0)) + 15);
    }

    /** The histograms written, oldest first, once there are at least {@code count}. */
    private static List<Path> await(Path folder, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> written = files.sorted().toList();
                if (written.size() >= count) {
                    return written;
                }
            }
            assertThat(Instant.now()).as("%d class histograms in %s", count, folder).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static double mib(Path histogram) {
        Matcher name = NAMED.matcher(histogram.getFileName().toString());
        assertThat(name.matches()).as(histogram.toString()).isTrue();
        return Double.parseDouble(name.group(1));
    }
}
