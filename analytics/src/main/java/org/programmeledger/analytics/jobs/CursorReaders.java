package org.programmeledger.analytics.jobs;

import javax.sql.DataSource;
import org.springframework.batch.item.database.builder.JdbcCursorItemReaderBuilder;

/**
 * The jobs' cursor readers, streaming their rows. PostgreSQL's driver reads a whole result into memory
 * unless its connection is in a transaction and a fetch size is set: the period summary's breakdown of 10⁶
 * events (1.6 million rows) ran out of a 512 MiB heap (BENCHMARKS.md, "Memory").
 */
public final class CursorReaders {

    static final int FETCH_SIZE = 1000;

    private CursorReaders() {
    }

    public static <T> JdbcCursorItemReaderBuilder<T> streaming(String name, DataSource dataSource) {
        return new JdbcCursorItemReaderBuilder<T>()
                .name(name)
                .dataSource(dataSource)
                .fetchSize(FETCH_SIZE)
                .connectionAutoCommit(false);
    }
}
