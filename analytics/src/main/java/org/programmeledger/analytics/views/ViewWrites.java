package org.programmeledger.analytics.views;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The writes the projection's handlers make for one batch of events, sent when its transaction is about to commit:
 * by the live processor as statements ({@link StatementWrites}), by a rebuild into emptied views as rows held per
 * page and inserted together ({@link PageRows}). Both leave the rows that sending each write at its event leaves.
 */
interface ViewWrites {

    /** A row the event creates: the table's columns, then its key. */
    void insert(ViewTable table, Object... row);

    /** A row set whole, whether it exists or not: the table's columns, then its key. */
    void upsert(ViewTable table, Object... row);

    void update(RowUpdate update, Object... arguments);

    /**
     * A figure's values are listed once a second one is recorded: the first is copied from the figure then (no
     * value can have been adopted before), unless listed already.
     */
    void listFirstValue(String periodId, String figureId);

    /**
     * A correction changes the value first recorded, and the first of the figure's listed values if they are; the
     * figure shows it unless another value was adopted.
     */
    void correctFigure(String periodId, String figureId, BigDecimal value, BigDecimal high, String qualifier);

    /** A change to the period's content: its version raised, and marked changed since a publication if any. */
    void periodChanged(String periodId, long version);

    /** Call before any other write to the period's row, so that its content changes keep their order. */
    void beforePeriodWrite(String periodId);

    /** The position and time of the batch's last event: written once, not once per event. */
    void advanceTo(long position, Instant recordedAt);

    void send();
}
