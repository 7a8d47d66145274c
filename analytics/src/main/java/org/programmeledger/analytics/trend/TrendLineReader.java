package org.programmeledger.analytics.trend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.Combined;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.ledger.api.Aggregation;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Turns the metric's figures, ordered by unit and extent end, into a trend series: one line per bucket
 * with the flow figures inside it and the running total so far, each figure that spans buckets as a
 * line of its own after the bucket it was met in, and each figure of a metric never added as a recorded point.
 * Holds one bucket and the spanning figures met while gathering it.
 */
class TrendLineReader implements ItemStreamReader<TrendLine> {

    private final String metric;
    private final ItemStreamReader<TrendRow> rows;
    private final Deque<TrendLine> ready = new ArrayDeque<>();
    private final Deque<TrendLine> apart = new ArrayDeque<>();
    private final List<TrendRow> gathering = new ArrayList<>();
    private String runningUnit;
    private Bound running;

    TrendLineReader(String metric, ItemStreamReader<TrendRow> orderedRows) {
        this.metric = metric;
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
                (gathering.isEmpty() ? ready : apart).add(TrendLine.apart(metric, row));
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
        return first.bucket().equals(row.bucket()) && first.unit().equals(row.unit());
    }

    private void closeBucket() {
        TrendRow first = gathering.get(0);
        if (!first.unit().equals(runningUnit)) {
            runningUnit = first.unit();
            running = null;
        }
        List<StatedFigure> figures = gathering.stream().map(TrendRow::figure).toList();
        for (Combined line : Combination.of(Aggregation.SUM, figures)) {
            if (line.shows() == Combined.Shows.SUM) {
                running = running == null ? line.bound() : running.plus(line.bound());
                ready.add(TrendLine.within(metric, first.bucket(), first, line, running));
            } else {
                ready.add(TrendLine.within(metric, first.bucket(), first, line, null));
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
