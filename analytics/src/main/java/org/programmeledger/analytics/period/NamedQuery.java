package org.programmeledger.analytics.period;

import java.util.Map;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * A query written with named parameters ({@code :metric}), as a JDBC cursor runs it: the SQL with its
 * placeholders, and the values bound to them in order, however often each name occurs.
 */
public record NamedQuery(String sql, PreparedStatementSetter values) {

    public static NamedQuery of(String namedSql, Map<String, ?> values) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
        MapSqlParameterSource source = new MapSqlParameterSource(values);
        return new NamedQuery(NamedParameterUtils.substituteNamedParameters(parsed, source),
                new ArgumentPreparedStatementSetter(NamedParameterUtils.buildValueArray(parsed, source, null)));
    }
}
