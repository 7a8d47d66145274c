package org.programmeledger.analytics.jobs;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.support.SingleItemPeekableItemReader;

/**
 * Turns a stream of rows ordered by their grouping key into lines: consecutive rows that belong
 * together become one line. Holds one line at a time, however many rows the query returns.
 *
 * @param <R> a row as read
 * @param <L> a line as written
 */
public class GroupingItemReader<R, L> implements ItemStreamReader<L> {

    private final SingleItemPeekableItemReader<R> rows = new SingleItemPeekableItemReader<>();
    private final BiPredicate<R, R> belongTogether;
    private final Function<R, L> start;
    private final BiFunction<L, R, L> add;
    private Exception unreadable;

    /**
     * @param belongTogether whether the second row joins the line started by the first
     * @param start the line of a first row
     * @param add the line with one more row
     */
    public GroupingItemReader(ItemStreamReader<R> orderedRows, BiPredicate<R, R> belongTogether, Function<R, L> start,
                              BiFunction<L, R, L> add) {
        rows.setDelegate(orderedRows);
        this.belongTogether = belongTogether;
        this.start = start;
        this.add = add;
    }

    /**
     * A row that cannot be read while a line is being gathered ends the line; the failure is thrown by the
     * next read, so that a skip policy leaves out that row alone and the line keeps its other rows.
     */
    @Override
    public L read() throws Exception {
        if (unreadable != null) {
            Exception failure = unreadable;
            unreadable = null;
            throw failure;
        }
        R first = rows.read();
        if (first == null) {
            return null;
        }
        L line = start.apply(first);
        try {
            for (R next = rows.peek(); next != null && belongTogether.test(first, next); next = rows.peek()) {
                line = add.apply(line, rows.read());
            }
        } catch (UnreadableRowException e) {
            unreadable = e;
        }
        return line;
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
