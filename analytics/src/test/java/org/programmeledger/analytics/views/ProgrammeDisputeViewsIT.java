package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.api.AdoptProgrammeValue;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordProgrammeAlternativeValue;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.SourceReference;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A fact of the programme whose sources disagree (a history written for this test): the views keep both values
 * with their sources, mark the fact disputed until one is adopted, then show the adopted value and the reason.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class, properties = "ledger.test.history=programme-disputes")
@DirtiesContext
class ProgrammeDisputeViewsIT {

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    ViewReplay replay;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsEveryValueOfADisputedProgrammeFactWithItsSourceUntilOneIsAdopted() throws Exception {
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        commands.sendAndWait(new RecordProgrammeFigure("gdhk-ipr", "seized-2016", "infringing-items-seized",
                new BigDecimal("4000000"), null, "items", Qualifier.EXACTLY, Side.JOINT, Extent.year(2016), null,
                Basis.FLOW, null, "4.0 million items", SourceReference.of("Annual report 2016", "2017-03-01",
                        "p. 9", null)));
        commands.sendAndWait(new RecordProgrammeAlternativeValue("gdhk-ipr", "seized-2016",
                new BigDecimal("3950000"), null, Qualifier.EXACTLY, "3.95 million items",
                SourceReference.of("Customs bulletin", "2017-02-01", "p. 4", "https://example.org/bulletin")));
        views.awaitHead(Duration.ofMinutes(2));

        assertThat(figure()).isEqualTo("4000000 EXACTLY disputed=true");
        assertThat(values()).containsExactly(
                "0 4000000 Annual report 2016 2017-03-01 p. 9 null adopted=false null",
                "1 3950000 Customs bulletin 2017-02-01 p. 4 https://example.org/bulletin adopted=false null");

        commands.sendAndWait(new AdoptProgrammeValue("gdhk-ipr", "seized-2016", 1, "the bulletin is audited"));
        views.awaitHead(Duration.ofMinutes(2));

        assertThat(figure()).isEqualTo("3950000 EXACTLY disputed=false");
        assertThat(values()).containsExactly(
                "0 4000000 Annual report 2016 2017-03-01 p. 9 null adopted=false null",
                "1 3950000 Customs bulletin 2017-02-01 p. 4 https://example.org/bulletin adopted=true "
                        + "the bulletin is audited");
        ReplayReport rebuilt = replay.replay(Duration.ofMinutes(1), (reached, head) -> { });
        assertThat(rebuilt.identical()).as(rebuilt.differences().toString()).isTrue();
    }

    private String figure() {
        return jdbc.queryForObject("SELECT figure_value, qualifier, disputed FROM view_figure WHERE period_id = "
                + "'gdhk-ipr' AND figure_id = 'seized-2016' AND scope = 'programme'", (row, n) ->
                row.getBigDecimal(1).stripTrailingZeros().toPlainString() + " " + row.getString(2) + " disputed="
                        + row.getBoolean(3));
    }

    private List<String> values() {
        return jdbc.query("SELECT value_number, figure_value, source_document, source_date, source_location, "
                + "source_link, adopted, adopted_reason FROM view_figure_value WHERE period_id = 'gdhk-ipr' "
                + "AND figure_id = 'seized-2016' ORDER BY value_number", (row, n) -> row.getInt(1) + " "
                + row.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + row.getString(3) + " "
                + row.getString(4) + " " + row.getString(5) + " " + row.getString(6) + " adopted="
                + row.getBoolean(7) + " " + row.getString(8));
    }
}
