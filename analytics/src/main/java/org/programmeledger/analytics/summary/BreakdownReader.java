package org.programmeledger.analytics.summary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.programmeledger.analytics.aggregation.LineFigures;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.analytics.jobs.DatabaseOrder;
import org.programmeledger.analytics.jobs.UnreadableRowException;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.database.JdbcCursorItemReader;

/**
 * The breakdown's lines from one read of the period's figures, ordered by figure id (each figure once per lead
 * organisation of its item): every figure goes to the line of its area, of each of its lead organisations and of
 * its side, added up there or kept as stated; then the lines come out ordered as an ORDER BY of the heading, the
 * placement, the metric, unit, basis and aggregation would give them, in the database's collation.
 * What it holds is what the breakdown prints: a total per line, the ids it lists, and each figure on a line of its
 * own; never the figures that are added up. A figure it cannot read is thrown, one per read, before the lines.
 */
class BreakdownReader implements ItemStreamReader<BreakdownLine.Group> {

    static final String NONE_STATED = "(none stated)";
    private static final String[] DIMENSIONS = {"area", "organisation", "side"};

    /** A line's key; the strings as the database stores them, as it orders them. */
    private record Key(int dimension, String heading, boolean spanning, String metric, String unit, String basis,
                       String aggregation) {
    }

    /** A line being gathered: the figures inside the period, or those reaching beyond it, each a line. */
    private record Line(BreakdownRow row, LineFigures figures, List<StatedFigure> spanning) {
    }

    private final JdbcCursorItemReader<HeadedFigure> figures;
    private final ReportingPeriod period;
    private final DatabaseOrder order;
    private final Map<Key, Line> lines = new LinkedHashMap<>();
    private final Deque<UnreadableRowException> unreadable = new ArrayDeque<>();
    private Iterator<BreakdownLine.Group> ordered;

    BreakdownReader(JdbcCursorItemReader<HeadedFigure> figures, ReportingPeriod period, DatabaseOrder order) {
        this.figures = figures;
        this.period = period;
        this.order = order;
    }

    @Override
    public BreakdownLine.Group read() throws Exception {
        if (ordered == null) {
            ordered = gather().iterator();
        }
        if (!unreadable.isEmpty()) {
            throw unreadable.poll();
        }
        return ordered.hasNext() ? ordered.next() : null;
    }

    private List<BreakdownLine.Group> gather() throws Exception {
        HeadedFigure previous = null;
        for (HeadedFigure row = figures.read(); row != null; row = figures.read()) {
            boolean again = row.sameFigureAs(previous);
            if (row.unreadable() != null) {
                if (!again) {
                    unreadable.add(row.unreadable());
                }
            } else {
                PeriodFigure figure = again ? previous.figure() : row.figure();
                if (!again) {
                    add(figure, 0, row.area(), figure.wholeFound && row.area().equals(row.wholeArea()));
                    add(figure, 2, figure.sideName, figure.wholeFound && figure.sideName.equals(figure.wholeSide));
                }
                add(figure, 1, row.organisation() == null ? NONE_STATED : row.organisation(),
                        row.wholeUnderOrganisation());
            }
            if (!again) {
                previous = row;
            }
        }
        return inOrder();
    }

    private void add(PeriodFigure figure, int dimension, String heading, boolean wholeOnTheLine) {
        Line line = lines.computeIfAbsent(new Key(dimension, heading, figure.spanning, figure.metric, figure.unit,
                figure.basisName, figure.aggregationName), key -> new Line(new BreakdownRow(DIMENSIONS[dimension],
                dimension == 2 ? figure.side.code() : heading, figure.spanning, figure.metric, figure.unit,
                figure.basis, figure.aggregation), new LineFigures(), new ArrayList<>()));
        if (figure.spanning) {
            line.spanning().add(figure.stated());
        } else {
            figure.addTo(line.figures(), wholeOnTheLine);
        }
    }

    private List<BreakdownLine.Group> inOrder() {
        Set<String> strings = new HashSet<>();
        lines.keySet().forEach(key -> strings.addAll(List.of(key.heading(), key.metric(), key.unit(), key.basis(),
                key.aggregation())));
        Map<String, Integer> rank = order.ranks(strings);
        Comparator<Key> byOrder = Comparator.comparingInt(Key::dimension)
                .thenComparing(key -> rank.get(key.heading()))
                .thenComparing(Key::spanning)
                .thenComparing(key -> rank.get(key.metric()))
                .thenComparing(key -> rank.get(key.unit()))
                .thenComparing(key -> rank.get(key.basis()))
                .thenComparing(key -> rank.get(key.aggregation()));
        List<BreakdownLine.Group> groups = new ArrayList<>();
        lines.entrySet().stream().sorted(Map.Entry.comparingByKey(byOrder)).forEach(entry -> {
            Line line = entry.getValue();
            if (entry.getKey().spanning()) {
                line.spanning().forEach(figure -> groups.add(new BreakdownLine.Group(period, line.row(), null,
                        figure)));
            } else {
                groups.add(new BreakdownLine.Group(period, line.row(), line.figures(), null));
            }
        });
        lines.clear();
        return groups;
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
