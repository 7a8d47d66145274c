package org.programmeledger.analytics.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.programmeledger.analytics.aggregation.Combined.Shows;
import org.programmeledger.ledger.api.Aggregation;

/**
 * The lines that figures of one metric, unit and heading make inside a period, as their aggregation allows.
 * A disputed figure is never combined: it is listed with every value its sources give. A figure that is part
 * of another figure among them is listed, not added again.
 */
public final class Combination {

    private static final Comparator<StatedFigure> BY_DATE = Comparator.comparing(StatedFigure::extentEnd)
            .thenComparing(StatedFigure::extentStart);

    private Combination() {
    }

    /** Only flows add up. */
    public static boolean adds(Aggregation aggregation) {
        return aggregation == Aggregation.SUM;
    }

    /** A running total or a level is shown by its latest value. */
    public static boolean showsLatest(Aggregation aggregation) {
        return aggregation == Aggregation.CUMULATIVE || aggregation == Aggregation.LEVEL;
    }

    /**
     * @param figures in the order their ids are to be listed
     * @return for a sum, one line adding them all; for a running total or level, the latest (every figure
     *     ending on the latest day, as a tie is not broken by guessing) then the earlier ones oldest first;
     *     otherwise one line per figure; then the figures part of another, then the disputed ones
     */
    public static List<Combined> of(Aggregation aggregation, List<StatedFigure> figures) {
        List<StatedFigure> disputed = figures.stream().filter(StatedFigure::disputed).toList();
        List<StatedFigure> undisputed = figures.stream().filter(figure -> !figure.disputed()).toList();
        List<StatedFigure> included = adds(aggregation) ? includedInOthers(figures) : List.of();
        List<StatedFigure> counted = undisputed.stream().filter(figure -> !included.contains(figure)).toList();
        List<Combined> lines = new ArrayList<>();
        if (!counted.isEmpty()) {
            if (adds(aggregation)) {
                lines.add(sum(counted));
            } else if (showsLatest(aggregation)) {
                lines.addAll(latestThenEarlier(counted));
            } else {
                counted.forEach(figure -> lines.add(single(Shows.SINGLE, figure)));
            }
        }
        included.stream().filter(figure -> !figure.disputed()).forEach(figure -> lines.add(single(Shows.PART_OF,
                figure)));
        disputed.forEach(figure -> lines.add(single(Shows.DISPUTED, figure)));
        return lines;
    }

    /**
     * The lines of flows a database added up, as {@link #of} gives them: the total of the figures it counted
     * (none when it counted none), then each figure it left out of the total, on its own line in the order given:
     * first those part of another figure of the line, then the disputed ones.
     *
     * @param counted the total of the counted figures, from {@link FigureSums}; null when none was counted
     * @param leftOut every other figure of the line: disputed, or part of another figure of the line
     */
    public static List<Combined> summed(Counted counted, List<StatedFigure> leftOut) {
        List<Combined> lines = new ArrayList<>();
        if (counted != null) {
            lines.add(new Combined(Shows.SUM, counted.total(), counted.extentStart(), counted.extentEnd(),
                    counted.figureIds(), List.of()));
        }
        leftOut.stream().filter(figure -> !figure.disputed()).forEach(figure -> lines.add(single(Shows.PART_OF,
                figure)));
        leftOut.stream().filter(StatedFigure::disputed).forEach(figure -> lines.add(single(Shows.DISPUTED, figure)));
        return lines;
    }

    /**
     * Flows of one line that count, added up by the database.
     *
     * @param figureIds in the order they are listed
     */
    public record Counted(Bound total, LocalDate extentStart, LocalDate extentEnd, List<String> figureIds) {
    }

    /** A figure reaching beyond the period: shown whole and alone, never split. */
    public static Combined apart(StatedFigure figure) {
        return single(figure.disputed() ? Shows.DISPUTED : Shows.SINGLE, figure);
    }

    /** The figures whose whole (or whole's whole) is among {@code figures}: counting them again would double. */
    private static List<StatedFigure> includedInOthers(List<StatedFigure> figures) {
        Set<String> present = new HashSet<>();
        figures.forEach(figure -> present.add(key(figure.planPeriod(), figure.figureId())));
        return figures.stream().filter(figure -> figure.partOf() != null
                && present.contains(key(figure.planPeriod(), figure.partOf()))).toList();
    }

    private static String key(String planPeriod, String figureId) {
        return planPeriod + "\u0000" + figureId;
    }

    private static List<Combined> latestThenEarlier(List<StatedFigure> figures) {
        List<StatedFigure> byDate = figures.stream().sorted(BY_DATE).toList();
        LocalDate latest = byDate.get(byDate.size() - 1).extentEnd();
        List<Combined> lines = new ArrayList<>();
        byDate.stream().filter(figure -> figure.extentEnd().equals(latest))
                .forEach(figure -> lines.add(single(Shows.LATEST, figure)));
        byDate.stream().filter(figure -> figure.extentEnd().isBefore(latest))
                .forEach(figure -> lines.add(single(Shows.EARLIER, figure)));
        return lines;
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
        return new Combined(Shows.SUM, total, start, end, figures.stream().map(StatedFigure::figureId).toList(),
                List.of());
    }

    private static Combined single(Shows shows, StatedFigure figure) {
        return new Combined(shows, figure.bound(), figure.extentStart(), figure.extentEnd(),
                List.of(figure.figureId()), figure.disputedValues());
    }
}
