package org.programmeledger.analytics.summary;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.programmeledger.analytics.output.CsvItemWriter;
import org.programmeledger.analytics.output.OutputSettings;

/**
 * One of the period summary's four files: its name, its header and the rows each item of its step makes.
 *
 * @param part the file's part ({@code breakdown}, …), or null for the summary itself
 */
record PeriodFile<T>(String part, List<String> header, Function<T, Stream<List<Object>>> rows) {

    static final PeriodFile<SummaryLine.Group> SUMMARY = new PeriodFile<>(null, SummaryLine.HEADER,
            group -> group.lines().stream().map(SummaryLine::cells));
    static final PeriodFile<BreakdownLine.Group> BREAKDOWN = new PeriodFile<>("breakdown", BreakdownLine.HEADER,
            group -> group.lines().stream().map(BreakdownLine::cells));
    static final PeriodFile<ActivityCount> ACTIVITIES = new PeriodFile<>("activities", ActivityCount.HEADER,
            count -> Stream.of(count.cells()));
    static final PeriodFile<ItemLine> ITEMS = new PeriodFile<>("items", ItemLine.HEADER,
            item -> Stream.of(item.cells()));

    /** {@code period-summary-<period>.csv}, or {@code period-summary-<period>-<part>.csv}. */
    String fileName(String period) {
        return PeriodSummaryJobConfiguration.JOB_NAME + "-" + period + (part == null ? "" : "-" + part) + ".csv";
    }

    /** The file's writer for a run of the job with these parameters. */
    CsvItemWriter<T> writer(OutputSettings output, Map<String, Object> parameters) {
        String period = (String) parameters.get("period");
        return CsvItemWriter.rowsOf(output.csv().resolve(fileName(period)), header, rows,
                PeriodSummaryJobConfiguration.JOB_NAME, Map.of("period", period), (Long) parameters.get("position"),
                (String) parameters.get("recordedAt"));
    }
}
