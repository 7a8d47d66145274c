package org.programmeledger.analytics.aggregation;

import java.util.ArrayList;
import java.util.List;
import org.programmeledger.ledger.api.Aggregation;

/**
 * The figures of one line, gathered in the order their ids are listed: those that count added up as they come
 * ({@link CountedSum}), every other kept as stated. What it holds is what the line's lines print.
 */
public final class LineFigures {

    private final CountedSum counted = new CountedSum();
    private final List<StatedFigure> apart = new ArrayList<>();

    public CountedSum counted() {
        return counted;
    }

    /** A figure the line does not add up: disputed, part of another of the line, or never added. */
    public void addApart(StatedFigure figure) {
        apart.add(figure);
    }

    /** How many figures it holds: those added up (each an id it lists) and those kept as stated. */
    public int held() {
        return counted.size() + apart.size();
    }

    /** The line's lines, as {@link Combination} combines its figures. */
    public List<Combined> lines(Aggregation aggregation) {
        return Combination.adds(aggregation) ? Combination.summed(counted.counted(), apart)
                : Combination.of(aggregation, apart);
    }
}
