package org.programmeledger.ledger.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Whether an import of many files is under way on this node. While one is, the plan periods its files load stay in
 * memory from one file to the next (up to {@link EventStoreSettings#importHeldEvents()}), since the files of one
 * format touch the same periods as the files of the next; when the last run ends they are let go.
 */
@Component
public class ImportRuns {

    private final AtomicInteger open = new AtomicInteger();
    private final List<Runnable> whenAllEnded = new CopyOnWriteArrayList<>();

    /** A run, ended by closing it (whatever its files came to). */
    public interface Run extends AutoCloseable {
        @Override
        void close();
    }

    public Run start() {
        open.incrementAndGet();
        return () -> {
            if (open.decrementAndGet() == 0) {
                whenAllEnded.forEach(Runnable::run);
            }
        };
    }

    public boolean underWay() {
        return open.get() > 0;
    }

    /** Calls {@code action} each time the last run under way ends. */
    public void whenAllEnded(Runnable action) {
        whenAllEnded.add(action);
    }
}
