package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.service.RowProblem;
import org.programmeledger.ledger.store.LedgerHead;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A 2003-2025 history written for this test (not the seed): cumulative figures of one metric at several dates, a
 * ratio, a level, bounds, disputed values with their sources and an adoption, a figure inside another, facts of the
 * plan period and of the programme, year-only and undated facts; imported as a secretariat would, then read from
 * the views. A store of its own, so that the seed's tests never see it.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class, properties = "ledger.test.history=2003-2025")
@DirtiesContext
class FigureFactsImportIT {

    private static final String PERIOD = "gdhk-ipr-2014-2016";
    private static final Map<String, String> CSV_IMPORT = Map.of(RecordingMetaData.CHANNEL, "csv-import");

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    LedgerHead head;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void importTheHistory() throws Exception {
        List<ImportReport> reports = importer.importFiles(files("history-2003-2025"), CSV_IMPORT, ImportListener.SILENT);
        assertThat(reports).allSatisfy(report -> assertThat(report.problems()).isEmpty());
        assertThat(reports).hasSize(11);
        views.awaitHead(Duration.ofMinutes(2));
    }

    @Test
    void listsTheCatalogueWithHowEachMetricAggregates() {
        assertThat(jdbc.queryForList("SELECT metric_id, aggregation FROM view_metric ORDER BY metric_id"))
                .extracting(row -> row.get("METRIC_ID") + " " + row.get("AGGREGATION"))
                .containsExactly("cities-covered level", "exam-pass-rate ratio", "items-seized sum",
                        "meetings-held sum", "projects cumulative", "residents-passed-examination cumulative",
                        "valid-applications sum");
    }

    @Test
    void showsTheAdoptedValueWithEveryValueAndItsSource() {
        assertThat(figure("1.0.1")).containsEntry("FIGURE_VALUE", new BigDecimal("3950000.000000"))
                .containsEntry("DISPUTED", false).containsEntry("SCOPE", "item").containsEntry("AGGREGATION", "sum")
                .containsEntry("SOURCE", "4.0 million items were seized in 2016")
                .containsEntry("SOURCE_DOCUMENT", "Press release").containsEntry("SOURCE_DATE", "2017-01-20")
                .containsEntry("SOURCE_LINK", "https://example.org/press/2017-01-20");
        assertThat(values("1.0.1")).extracting(row -> row.get("VALUE_NUMBER"), row -> row.get("FIGURE_VALUE"),
                        row -> row.get("SOURCE_DOCUMENT"), row -> row.get("SOURCE_LOCATION"), row -> row.get("ADOPTED"),
                        row -> row.get("ADOPTED_REASON"))
                .containsExactly(
                        tuple(0, new BigDecimal("4000000.000000"), "Press release", null, false, null),
                        tuple(1, new BigDecimal("3950000.000000"), "Customs annual report 2016", "p. 12", true,
                                "the annual report is the audited figure"));
    }

    @Test
    void keepsAFigureDisputedWhileNoValueIsAdopted() {
        assertThat(figure("2.0.1")).containsEntry("FIGURE_VALUE", new BigDecimal("902.000000"))
                .containsEntry("DISPUTED", true);
        assertThat(values("2.0.1")).extracting(row -> row.get("FIGURE_VALUE"), row -> row.get("SOURCE"),
                        row -> row.get("ADOPTED"))
                .containsExactly(tuple(new BigDecimal("902.000000"), "902 valid applications", false),
                        tuple(new BigDecimal("1090.000000"), "A total of 1 090 valid applications were received",
                                false));
    }

    @Test
    void carriesBoundsRatiosLevelsAndTheFigureItIsPartOf() {
        assertThat(figure("p.3")).containsEntry("QUALIFIER", "BETWEEN")
                .containsEntry("FIGURE_VALUE", new BigDecimal("300.000000"))
                .containsEntry("VALUE_HIGH", new BigDecimal("400.000000"));
        assertThat(figure("p.6")).containsEntry("QUALIFIER", "NEARLY").containsEntry("VALUE_HIGH", null);
        assertThat(figure("p.2")).containsEntry("AGGREGATION", "ratio");
        assertThat(figure("p.4")).containsEntry("AGGREGATION", "level").containsEntry("DATE_LABEL", "currently");
        assertThat(figure("1.0.2")).containsEntry("PART_OF", "1.0.1").containsEntry("AGGREGATION", "sum");
    }

    @Test
    void recordsFactsOfThePlanPeriodWithNoItemAndUndatedOnesOverTheirPeriodOnly() {
        assertThat(figure("p.1")).containsEntry("SCOPE", "period").containsEntry("ITEM_NUMBER", null)
                .containsEntry("AGGREGATION", "cumulative")
                .containsEntry("EXTENT_START", java.sql.Date.valueOf(LocalDate.of(2003, 1, 1)))
                .containsEntry("EXTENT_END", java.sql.Date.valueOf(LocalDate.of(2014, 12, 31)))
                .containsEntry("SOURCE_LOCATION", "para. 4");
        assertThat(figure("p.5")).containsEntry("EXTENT_PRECISION", "UNSTATED")
                .containsEntry("EXTENT_START", java.sql.Date.valueOf(LocalDate.of(2014, 1, 1)))
                .containsEntry("EXTENT_END", java.sql.Date.valueOf(LocalDate.of(2016, 12, 31)))
                .containsEntry("DATE_LABEL", "a meeting of the working group");
    }

    @Test
    void keepsEveryValueOfAProgrammeFactWithItsSourceAndTheValueAdopted() {
        assertThat(programmeFigure("g.3")).containsEntry("FIGURE_VALUE", new BigDecimal("239.000000"))
                .containsEntry("DISPUTED", false);
        assertThat(jdbc.queryForList("SELECT * FROM view_figure_value WHERE period_id = 'gdhk-ipr' AND figure_id = "
                        + "'g.3' ORDER BY value_number")).extracting(row -> row.get("FIGURE_VALUE"),
                        row -> row.get("SOURCE_DOCUMENT"), row -> row.get("SOURCE_LINK"), row -> row.get("ADOPTED"),
                        row -> row.get("ADOPTED_REASON"))
                .containsExactly(tuple(new BigDecimal("239.000000"), null, null, true,
                                "the Expert Group's own list counts 239"),
                        tuple(new BigDecimal("240.000000"), "Press release", "https://example.org/press/2020-12",
                                false, null));
    }

    @Test
    void recordsFactsOfTheProgrammeInNoPlanPeriodWithoutGuessingDates() {
        Map<String, Object> undated = programmeFigure("g.2");
        assertThat(undated).containsEntry("SCOPE", "programme").containsEntry("PROGRAMME_ID", "gdhk-ipr")
                .containsEntry("ITEM_NUMBER", null).containsEntry("EXTENT_START", null)
                .containsEntry("EXTENT_END", null).containsEntry("EXTENT_PRECISION", "UNSTATED")
                .containsEntry("DATE_LABEL", "the 14th meeting");
        assertThat(programmeFigure("g.1")).containsEntry("EXTENT_PRECISION", "YEAR")
                .containsEntry("EXTENT_START", java.sql.Date.valueOf(LocalDate.of(2003, 1, 1)));
        assertThat(programmeFigure("g.5")).containsEntry("PART_OF", "g.4")
                .containsEntry("AGGREGATION", "cumulative");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_figure WHERE scope = 'programme'", Integer.class))
                .isEqualTo(5);
    }

    @Test
    void refusesAWholeFileNamingEachBadLineAndTheKnownMetricsAndUnits() throws Exception {
        long before = head.eventCount();

        List<ImportReport> reports = importer.importFiles(files("history-2003-2025-refused"), CSV_IMPORT,
                ImportListener.SILENT);

        assertThat(reports).singleElement().satisfies(report -> assertThat(report.problems())
                .extracting(RowProblem::line, RowProblem::message)
                .containsExactly(
                        tuple(3L, "metric partcipants of figure 1.0.9 is not in the catalogue; known metrics: "
                                + "cities-covered, exam-pass-rate, items-seized, meetings-held, projects, "
                                + "residents-passed-examination, valid-applications"),
                        tuple(4L, "unit forms of figure 2.0.9 is not a unit of metric valid-applications; "
                                + "its units: applications"),
                        tuple(5L, "the high end of figure 2.0.8 (300) must be above its low end (400)")));
        assertThat(head.eventCount()).isEqualTo(before);
    }

    private Map<String, Object> figure(String figureId) {
        return jdbc.queryForMap("SELECT * FROM view_figure WHERE period_id = ? AND figure_id = ?", PERIOD, figureId);
    }

    private Map<String, Object> programmeFigure(String figureId) {
        return jdbc.queryForMap("SELECT * FROM view_figure WHERE programme_id = ? AND figure_id = ?", "gdhk-ipr",
                figureId);
    }

    private List<Map<String, Object>> values(String figureId) {
        return jdbc.queryForList("SELECT * FROM view_figure_value WHERE period_id = ? AND figure_id = ? "
                + "ORDER BY value_number", PERIOD, figureId);
    }

    private static List<Path> files(String folder) throws URISyntaxException {
        Path path = Path.of(FigureFactsImportIT.class.getResource("/" + folder).toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
