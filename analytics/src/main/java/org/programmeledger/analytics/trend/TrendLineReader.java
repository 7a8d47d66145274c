package org.programmeledger.analytics.trend;

import java.util.ArrayDeque;
import java.util.Deque;
import org.programmeledger.analytics.aggregation.Bound;
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
    private TrendLine gathering;
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
                if (gathering == null) {
                    return null;
                }
                closeBucket();
            } else if (row.bucket() == null) {
                (gathering == null ? ready : apart).add(TrendLine.apart(metric, row));
            } else if (gathering != null && gathering.takes(row)) {
                gathering = gathering.plus(row);
            } else {
                if (gathering != null) {
                    closeBucket();
                }
                gathering = TrendLine.within(metric, row);
            }
        }
        return ready.poll();
    }

    private void closeBucket() {
        if (gathering.unit().equals(runningUnit)) {
            running = running.plus(gathering.total());
        } else {
            runningUnit = gathering.unit();
            running = gathering.total();
        }
        ready.add(gathering.running(running));
        ready.addAll(apart);
        apart.clear();
        gathering = null;
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
