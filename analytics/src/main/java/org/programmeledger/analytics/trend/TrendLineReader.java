package org.programmeledger.analytics.trend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.Combined;
import org.programmeledger.analytics.aggregation.LinePart;
import org.programmeledger.ledger.api.Aggregation;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Turns the metric's figures, ordered by unit, side and extent end (a bucket's where its first figure is), into a trend series: one line per bucket,
 * side and unit with the flow figures inside it and the running total of that side and unit so far, each figure that spans buckets as a
 * line of its own after the bucket it was met in, and each figure of a metric never added as a recorded point.
 * Holds one bucket and the spanning figures met while gathering it.
 */
class TrendLineReader implements ItemStreamReader<TrendLine> {

    private final String metric;
    private final List<String> units;
    private final ItemStreamReader<TrendRow> rows;
    private final Deque<TrendLine> ready = new ArrayDeque<>();
    private final Deque<TrendLine> apart = new ArrayDeque<>();
    private final List<TrendRow> gathering = new ArrayList<>();
    private TrendRow runningSeries;
    private Bound running;

    /** @param units every unit the metric's rows are in, each a series of its own (per side) */
    TrendLineReader(String metric, List<String> units, ItemStreamReader<TrendRow> orderedRows) {
        this.metric = metric;
        this.units = List.copyOf(units);
        this.rows = orderedRows;
    }

    @Override
    public TrendLine read() throws Exception {
        while (ready.isEmpty()) {
            TrendRow row = rows.read();
            if (row == null) {
                if (gathering.isEmpty()) {
                    return null;
                }
                closeBucket();
            } else if (row.bucket() == null) {
                (gathering.isEmpty() ? ready : apart).add(TrendLine.apart(metric, row, units));
            } else if (!gathering.isEmpty() && takes(row)) {
                gathering.add(row);
            } else {
                if (!gathering.isEmpty()) {
                    closeBucket();
                }
                gathering.add(row);
            }
        }
        return ready.poll();
    }

    private boolean takes(TrendRow row) {
        TrendRow first = gathering.get(0);
        return first.bucket().equals(row.bucket()) && sameSeries(first, row);
    }

    /** Rows of one side and unit: a series of its own, with a running total of its own. */
    private static boolean sameSeries(TrendRow one, TrendRow other) {
        return other != null && one.unit().equals(other.unit()) && one.side() == other.side();
    }

    private void closeBucket() {
        TrendRow first = gathering.get(0);
        if (!sameSeries(first, runningSeries)) {
            runningSeries = first;
            running = null;
        }
        for (Combined line : LinePart.lines(Aggregation.SUM, gathering.stream().map(TrendRow::part).toList())) {
            if (line.shows() == Combined.Shows.SUM) {
                running = running == null ? line.bound() : running.plus(line.bound());
                ready.add(TrendLine.within(metric, first.bucket(), first, line, running, units));
            } else {
                ready.add(TrendLine.within(metric, first.bucket(), first, line, null, units));
            }
        }
        ready.addAll(apart);
        apart.clear();
        gathering.clear();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        rows.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        rows.update(executionContext);
    }

    @Override
    public void close() {
        rows.close();
    }
}
