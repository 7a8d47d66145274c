package org.programmeledger.analytics.summary;

import org.programmeledger.analytics.period.ReportingPeriod;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.support.SingleItemPeekableItemReader;

/**
 * Turns the stream of figures, ordered by their grouping key, into summary lines: consecutive figures
 * that sum together become one line. Holds one line at a time, however many figures the period has.
 */
class SummaryLineReader implements ItemStreamReader<SummaryLine> {

    private final ReportingPeriod period;
    private final SingleItemPeekableItemReader<FigureRow> figures = new SingleItemPeekableItemReader<>();

    SummaryLineReader(ReportingPeriod period, ItemStreamReader<FigureRow> orderedFigures) {
        this.period = period;
        figures.setDelegate(orderedFigures);
    }

    @Override
    public SummaryLine read() throws Exception {
        FigureRow first = figures.read();
        if (first == null) {
            return null;
        }
        SummaryLine line = SummaryLine.of(period, first);
        for (FigureRow next = figures.peek(); next != null && first.sumsWith(next); next = figures.peek()) {
            line = line.plus(figures.read());
        }
        return line;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        figures.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        figures.update(executionContext);
    }

    @Override
    public void close() {
        figures.close();
    }
}
