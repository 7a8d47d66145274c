package org.programmeledger.analytics.trend;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.programmeledger.ledger.api.Qualifier;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Turns the metric's figures, ordered by unit, side and extent end, into a trend series: one line per
 * bucket, side and unit with the flow figures inside it and the running total of that side and unit so
 * far, each figure that spans buckets as a line of its own after the bucket it was met in, and each
 * cumulative figure as a recorded point. Holds one bucket and the spanning figures met while gathering it.
 */
class TrendLineReader implements ItemStreamReader<TrendLine> {

    private final String metric;
    private final List<String> units;
    private final ItemStreamReader<TrendRow> rows;
    private final Deque<TrendLine> ready = new ArrayDeque<>();
    private final Deque<TrendLine> apart = new ArrayDeque<>();
    private TrendLine gathering;
    private TrendLine lastClosed;
    private BigDecimal runningTotal;
    private Qualifier runningQualifier;

    /** @param units every unit the metric's rows are in, each a series of its own */
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
                if (gathering == null) {
                    return null;
                }
                closeBucket();
            } else if (row.bucket() == null) {
                (gathering == null ? ready : apart).add(TrendLine.apart(metric, row, units));
            } else if (gathering != null && gathering.takes(row)) {
                gathering = gathering.plus(row);
            } else {
                if (gathering != null) {
                    closeBucket();
                }
                gathering = TrendLine.within(metric, row, units);
            }
        }
        return ready.poll();
    }

    private void closeBucket() {
        if (!gathering.sameSeries(lastClosed)) {
            runningTotal = BigDecimal.ZERO;
            runningQualifier = Qualifier.EXACTLY;
        }
        runningTotal = runningTotal.add(gathering.total());
        runningQualifier = runningQualifier.combine(gathering.qualifier());
        ready.add(gathering.running(runningTotal, runningQualifier));
        lastClosed = gathering;
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
