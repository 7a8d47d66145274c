package org.programmeledger.ledger.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class FullDiskTest {

    @Test
    void findsTheOperatingSystemsNoSpaceUnderAnyWrapping() {
        IOException write = new IOException("No space left on device");
        RuntimeException wrapped = new DataAccessResourceFailureException("JDBC commit failed",
                new SQLException("General error", "HY000", new IllegalStateException("Writing failed", write)));

        assertThat(FullDisk.in(wrapped)).contains("No space left on device");
        assertThat(FullDisk.in(new UncheckedIOException(write))).contains("No space left on device");
    }

    /**
     * H2's batch failure copies the message of the row's failure and keeps that failure only as its next exception,
     * with no cause: a full disk under a batch insert was answered as a conflict.
     */
    @Test
    void findsItUnderABatchFailureThatKeepsItsReasonAsTheNextException() {
        SQLException row = new SQLException("General error: \"Writing to FileChannelImpl failed\"", "HY000", 50000,
                new IllegalStateException("Writing failed", new IOException("No space left on device")));
        BatchUpdateException batch = new BatchUpdateException(row.getMessage(), row.getSQLState(), row.getErrorCode(),
                new int[0]);
        batch.setNextException(row);

        assertThat(FullDisk.in(new EventStoreException("the events could not be appended", batch)))
                .contains("No space left on device");
    }

    @Test
    void findsPostgresqlsDiskFullState() {
        SQLException diskFull = new SQLException("could not extend file \"base/5/16384\": wrote only 4096 of 8192 "
                + "bytes at block 12", "53100");

        assertThat(FullDisk.in(new DataAccessResourceFailureException("insert", diskFull)))
                .contains(diskFull.getMessage());
    }

    @Test
    void anyOtherFailureIsNotAFullDisk() {
        assertThat(FullDisk.in(new IOException("Permission denied"))).isEmpty();
        assertThat(FullDisk.in(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(FullDisk.in(new IllegalStateException((String) null))).isEmpty();
    }
}
