package org.programmeledger.analytics.jobs;

import org.springframework.jdbc.core.RowMapper;

/** Row mappers whose unreadable rows the steps' skip policy can leave out and report. */
public final class ReadableRows {

    private ReadableRows() {
    }

    /**
     * @param idColumn the column that names the row in the report of skipped rows, e.g. {@code figure_id}
     */
    public static <T> RowMapper<T> naming(String idColumn, RowMapper<T> mapper) {
        return (row, n) -> {
            try {
                return mapper.mapRow(row, n);
            } catch (IllegalArgumentException e) {
                throw new UnreadableRowException(idColumn + " " + row.getString(idColumn), e);
            }
        };
    }
}
