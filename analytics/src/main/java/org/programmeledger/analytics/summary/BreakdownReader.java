package org.programmeledger.analytics.summary;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.programmeledger.analytics.aggregation.LineFigures;
import org.programmeledger.analytics.jobs.UnreadableRowException;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.database.JdbcCursorItemReader;

/**
 * The breakdown's lines from three reads of the period's figures, one per heading (area, lead organisation, side),
 * each opened when the one before ends. Each read is ordered by heading, placement, metric, unit, basis,
 * aggregation, then figure id, so the database's collation orders the lines and a line is handed on as soon as
 * its key ends: the reader holds one line (a total and the ids it lists), whatever the size of the breakdown. A
 * figure reaching beyond the period is a line of its own. A figure it cannot read is thrown once, by the area
 * read alone, after the line being gathered, which keeps its other figures.
 */
class BreakdownReader implements ItemStreamReader<BreakdownLine.Group> {

    static final String NONE_STATED = "(none stated)";
    private static final String[] DIMENSIONS = {"area", "organisation", "side"};

    private final List<JdbcCursorItemReader<HeadedFigure>> reads;
    private final ReportingPeriod period;
    private final Deque<UnreadableRowException> unreadable = new ArrayDeque<>();
    private ExecutionContext context;
    /** The read open now; {@code reads.size()} once all have ended. */
    private int current;
    /** The line being gathered: its first figure and, inside the period, its figures; null for none. */
    private HeadedFigure first;
    private LineFigures figures;

    /** @param reads by area, by lead organisation, by side, each in the breakdown's order */
    BreakdownReader(List<JdbcCursorItemReader<HeadedFigure>> reads, ReportingPeriod period) {
        this.reads = reads;
        this.period = period;
    }

    @Override
    public BreakdownLine.Group read() throws Exception {
        if (!unreadable.isEmpty()) {
            throw unreadable.poll();
        }
        BreakdownLine.Group ended = null;
        while (ended == null && current < reads.size()) {
            HeadedFigure next = reads.get(current).read();
            if (next == null) {
                ended = end();
                reads.get(current).close();
                if (++current < reads.size()) {
                    reads.get(current).open(context);
                }
            } else if (next.figure() == null) {
                if (current == 0) {
                    unreadable.add(next.unreadable());
                }
            } else if (first != null && next.sameLineAs(first)) {
                next.figure().addTo(figures);
            } else {
                ended = end();
                start(next);
            }
        }
        if (ended == null && !unreadable.isEmpty()) {
            throw unreadable.poll();
        }
        return ended;
    }

    private void start(HeadedFigure next) {
        first = next;
        if (!next.figure().spanning) {
            figures = new LineFigures();
            next.figure().addTo(figures);
        }
    }

    private BreakdownLine.Group end() {
        if (first == null) {
            return null;
        }
        PeriodFigure figure = first.figure();
        BreakdownRow row = new BreakdownRow(DIMENSIONS[current], first.heading(), figure.spanning, figure.metric,
                figure.unit, figure.basis, figure.aggregation);
        BreakdownLine.Group line = new BreakdownLine.Group(period, row, figures,
                figure.spanning ? figure.stated() : null);
        first = null;
        figures = null;
        return line;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        context = executionContext;
        current = 0;
        reads.get(0).open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (current < reads.size()) {
            reads.get(current).update(executionContext);
        }
    }

    @Override
    public void close() {
        if (current < reads.size()) {
            reads.get(current).close();
        }
    }
}
