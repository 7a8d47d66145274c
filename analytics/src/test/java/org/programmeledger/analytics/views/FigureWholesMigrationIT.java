package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Views projected before view_figure_whole get their chains of wholes from the migration that creates it: every
 * figure's whole, that one's whole and so on, with its depth, on both databases.
 */
class FigureWholesMigrationIT {

    @TempDir
    Path temp;

    @Test
    void migratesTheChainsOfWholesOfFiguresProjectedBeforeOnH2() {
        migratesTheChains(new DriverManagerDataSource("jdbc:h2:file:" + temp.resolve("ledger"), "sa", ""), "h2");
    }

    @Test
    void migratesTheChainsOfWholesOfFiguresProjectedBeforeOnPostgres() {
        PostgresTestServer server = PostgresTestServer.get();
        migratesTheChains(new DriverManagerDataSource(server.createDatabase(), server.user(), server.password()),
                "postgresql");
    }

    private static void migratesTheChains(DriverManagerDataSource database, String vendor) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration/" + vendor).target("2.7").load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (String[] figure : List.of(new String[] {"p", "t1", null}, new String[] {"p", "t2", "t1"},
                new String[] {"p", "t3", "t2"}, new String[] {"p", "t4", "t3"}, new String[] {"p", "u1", null},
                new String[] {"q", "t2", null}, new String[] {"q", "t3", "t2"})) {
            jdbc.update("INSERT INTO view_figure (period_id, figure_id, item_number, metric, figure_value, unit, "
                    + "qualifier, side, extent_start, extent_end, extent_precision, basis, corrected, retracted, "
                    + "part_of) VALUES (?, ?, 1, 'participants', 1, 'persons', 'EXACTLY', 'JOINT', DATE '2021-01-01', "
                    + "DATE '2021-12-31', 'YEAR', 'FLOW', FALSE, FALSE, ?)", figure[0], figure[1], figure[2]);
        }

        Flyway.configure().dataSource(database).locations("classpath:db/migration/" + vendor).load().migrate();

        assertThat(jdbc.queryForList("SELECT period_id || ' ' || figure_id || ' ' || whole_id || ' ' || depth "
                + "FROM view_figure_whole ORDER BY period_id, figure_id, depth", String.class)).containsExactly(
                "p t2 t1 1", "p t3 t2 1", "p t3 t1 2", "p t4 t3 1", "p t4 t2 2", "p t4 t1 3", "q t3 t2 1");
    }
}
