package org.programmeledger.analytics.trend;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.programmeledger.analytics.views.ViewPosition;
import org.programmeledger.ledger.api.Side;

/**
 * A cumulative metric over time, as recorded: only the points the ledger holds, never interpolated.
 *
 * @param side the side the figures count for, or null for every side
 */
public record TrendSeries(String metric, Side side, List<TrendPoint> points, ViewPosition position) {

    /** The earliest base date of the recorded points: where counting started ("since 2004"). */
    public Optional<LocalDate> base() {
        return points.stream().map(TrendPoint::base).min(Comparator.naturalOrder());
    }

    public Optional<String> unit() {
        return points.stream().map(TrendPoint::unit).findFirst();
    }
}
