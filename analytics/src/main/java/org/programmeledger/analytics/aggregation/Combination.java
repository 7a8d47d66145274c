package org.programmeledger.analytics.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.programmeledger.analytics.aggregation.Combined.Shows;

/** The lines that figures of one metric, unit and heading make inside a period, as their aggregation allows. */
public final class Combination {

    private static final Comparator<StatedFigure> BY_DATE = Comparator.comparing(StatedFigure::extentEnd)
            .thenComparing(StatedFigure::extentStart);

    private Combination() {
    }

    /**
     * @param figures in the order their ids are to be listed
     * @return for a sum, one line adding them all; for a running total or level, the latest (every figure
     *     ending on the latest day, as a tie is not broken by guessing) then the earlier ones oldest first;
     *     otherwise one line per figure
     */
    public static List<Combined> of(Aggregation aggregation, List<StatedFigure> figures) {
        if (aggregation.adds()) {
            return List.of(sum(figures));
        }
        if (!aggregation.showsLatest()) {
            return figures.stream().map(figure -> single(Shows.SINGLE, figure)).toList();
        }
        List<StatedFigure> byDate = figures.stream().sorted(BY_DATE).toList();
        StatedFigure latest = byDate.get(byDate.size() - 1);
        List<Combined> lines = new ArrayList<>();
        byDate.stream().filter(figure -> figure.extentEnd().equals(latest.extentEnd()))
                .forEach(figure -> lines.add(single(Shows.LATEST, figure)));
        byDate.stream().filter(figure -> figure.extentEnd().isBefore(latest.extentEnd()))
                .forEach(figure -> lines.add(single(Shows.EARLIER, figure)));
        return lines;
    }

    /** A figure reaching beyond the period: shown whole and alone, never split. */
    public static Combined apart(StatedFigure figure) {
        return single(Shows.SINGLE, figure);
    }

    private static Combined sum(List<StatedFigure> figures) {
        StatedFigure first = figures.get(0);
        Bound total = first.bound();
        LocalDate start = first.extentStart();
        LocalDate end = first.extentEnd();
        for (StatedFigure figure : figures.subList(1, figures.size())) {
            total = total.plus(figure.bound());
            start = figure.extentStart().isBefore(start) ? figure.extentStart() : start;
            end = figure.extentEnd().isAfter(end) ? figure.extentEnd() : end;
        }
        return new Combined(Shows.SUM, total, start, end, figures.stream().map(StatedFigure::figureId).toList());
    }

    private static Combined single(Shows shows, StatedFigure figure) {
        return new Combined(shows, figure.bound(), figure.extentStart(), figure.extentEnd(),
                List.of(figure.figureId()));
    }
}
