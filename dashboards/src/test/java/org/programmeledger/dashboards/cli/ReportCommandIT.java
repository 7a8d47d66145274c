package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.report.SummaryReport;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.importing.SeedData;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** The summary report through the real command line, regenerated from the ledger after a correction. */
class ReportCommandIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";

    /** Every figure of the seed report (data/06-figures.csv), its number as the source states it. */
    private static final List<String> SEED_FIGURES = List.of(
            "Participants: more than 250 persons.",
            "Recruitment requests presented: 206 requests.",
            "Professionals matched: 1 268 professionals.",
            "Valid applications: 658 applications.",
            "Finalist awards: 38 awards.",
            "Valid applications: 1 090 applications.",
            "Finalist awards: 35 awards.",
            "Intelligence pieces exchanged: 183 pieces.",
            "Joint operations: 7 operations.",
            "Infringing items seized: more than 6.98 million items (Guangdong side).",
            "Cases detected: 153 cases (Hong Kong side).",
            "Infringing articles involved: about 170 000 articles (Hong Kong side).",
            "Intelligence pieces exchanged: 36 pieces.",
            "Participants: about 470 persons (From 2020 to 2021).",
            "Participants: more than 400 persons.",
            "Service windows launched: 12 windows (Guangdong side).",
            "Candidates registered: 19 candidates (Hong Kong side).",
            "Residents passed examination: 75 residents (Hong Kong side; From January 2004 to June 2022, cumulative).",
            "Residents practising in the Mainland: 24 residents (Hong Kong side; From January 2004 to June 2022, cumulative).",
            "Inventions presented: 10 inventions (Hong Kong side).",
            "Inventions awarded: 9 inventions (Hong Kong side).",
            "Mainland IP administrations linked: 9 administrations (Guangdong side).");

    @TempDir
    Path temp;

    private record Run(int exitCode, String output) {
    }

    private Run cli(String... arguments) {
        StringWriter printed = new StringWriter();
        CommandLine cli = LedgerCli.commandLine();
        cli.setOut(new PrintWriter(printed));
        cli.setErr(new PrintWriter(printed));
        return new Run(cli.execute(arguments), printed.toString());
    }

    private Run report(String out) {
        return cli("report", "--period", PERIOD, "--store", temp.resolve("store").toString(),
                "--out", temp.resolve(out).toString());
    }

    private String html(String out) throws IOException {
        return Files.readString(temp.resolve(out).resolve("summary-of-cooperation-items-" + PERIOD + ".html"));
    }

    @Test
    void carriesEveryFigureOfTheSeedReportAndTheCorrectionMadeSince() throws Exception {
        Run imported = cli("import", "--store", temp.resolve("store").toString(), SeedData.folder().toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();

        Run first = report("first");
        Run again = report("again");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("summary-of-cooperation-items-" + PERIOD + ".html",
                "summary-of-cooperation-items-" + PERIOD + ".pdf from ledger position 136");
        String html = html("first");
        assertThat(html).contains("<h1>Summary of Co-operation Items (2020 - mid-2022)</h1>",
                "Source: Programme Ledger, events up to ledger position 136");
        assertThat(html).as("organisations introduced once, then abbreviated; kind and title said once").contains(
                "<p class=\"meta\">Area: Talent nurturing. Status: completed. New in the period. Led by the "
                        + "Intellectual Property Department of the Government of the Hong Kong Special Administrative "
                        + "Region (HKIPD), the Guangdong Administration for Market Regulation (Guangdong Intellectual "
                        + "Property Administration) (GDAMR (GDIPA)) and the Economic and Technological Development "
                        + "Bureau of the Government of the Macao Special Administrative Region (Economic and "
                        + "Technological Development Bureau of Macao). With the Knowledge Transfer Office of the City "
                        + "University of Hong Kong and the Institute for Entrepreneurship of the Hong Kong Polytechnic "
                        + "University.</p>",
                "<p>In December 2020, the HKIPD, the Knowledge Transfer Office of the City University of Hong Kong "
                        + "and the Institute for Entrepreneurship of the Hong Kong Polytechnic University jointly "
                        + "organised the “Start-Up Business Development Course”.</p>",
                "<p>In 2021, the GDAMR (GDIPA), the HKIPD, the Economic and Technological Development Bureau of "
                        + "Macao and the People’s Government of Foshan Municipality jointly organised the contest "
                        + "“Guangdong-Hong Kong-Macao Greater Bay Area High-value Patent Portfolio Layout Competition "
                        + "2021”.</p>",
                "<p>Exchange of intelligence and information on Hong Kong-related IP infringement cases, by the "
                        + "Guangdong Customs and the Hong Kong Customs, from January 2020 to June 2022.</p>",
                "<p>Promotion of the 18th and the 19th “Guangdong Youth and Children Invention Award” in Hong "
                        + "Kong, by the GDAMR (GDIPA) and the HKIPD with the support of the Hong Kong Federation of "
                        + "Invention and Innovation, the Hong Kong Federation of Youth Groups and the Hong Kong New "
                        + "Generation Cultural Association.</p>",
                "<p class=\"meta\">Area: Talent nurturing. Status: completed.</p>",
                "<li><a href=\"#item-1\">1. Establishing a comprehensive mechanism for intellectual property (IP) "
                        + "co-operation in the Guangdong-Hong Kong-Macao Greater Bay Area (GBA)</a></li>",
                "<li><a href=\"#charts\">Charts</a></li>",
                "charts were not built at ledger position 136")
                .doesNotContain("null", "intelligence exchange Exchange", "Mainland ip")
                .containsOnlyOnce("(HKIPD)").containsOnlyOnce("(Hong Kong Customs)");
        assertThat(html).contains(SEED_FIGURES);
        assertThat(SEED_FIGURES.stream().mapToInt(figure -> occurrences(html, figure)).sum())
                .as("each seed figure once, 22 in all").isEqualTo(22);
        assertThat(html.indexOf("<h2>1. ")).isLessThan(html.indexOf("<h2>2. "));
        assertThat(html.indexOf("<h2>18. ")).isLessThan(html.indexOf("<h2>19. "));
        assertThat(Files.readAllBytes(temp.resolve("again/summary-of-cooperation-items-" + PERIOD + ".html")))
                .isEqualTo(html.getBytes(StandardCharsets.UTF_8));
        assertThat(again.exitCode()).isZero();

        correct("6.1.3", new BigDecimal("154"), "the Hong Kong side's final count");
        Run corrected = report("corrected");

        assertThat(corrected.exitCode()).as(corrected.output()).isZero();
        assertThat(html("corrected")).contains("Cases detected: 154 cases (Hong Kong side) [corrected].",
                "events up to ledger position 137").doesNotContain("153 cases");
        assertThat(temp.resolve("corrected/summary-of-cooperation-items-" + PERIOD + ".html.provenance.json"))
                .content().contains("\"ledgerPosition\" : 137", "\"job\" : \"report\"");
    }

    @Test
    void embedsThePeriodsChartsAndWritesThePdfFromTheSameTemplate() throws Exception {
        assertThat(cli("import", "--store", temp.resolve("store").toString(), SeedData.folder().toString())
                .exitCode()).isZero();
        Path out = temp.resolve("out");
        try (ConfigurableApplicationContext application = Application.start(temp.resolve("store"), out)) {
            application.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(2));
            application.getBean(LedgerJobs.class).run("period-charts", Map.of("period", PERIOD));
            application.getBean(SummaryReport.class).write(PERIOD, out.resolve("report"));
            Path pdf = out.resolve("report").resolve(SummaryReport.pdfFileName(PERIOD));
            byte[] first = Files.readAllBytes(pdf);
            application.getBean(SummaryReport.class).write(PERIOD, out.resolve("report"));
            assertThat(Files.readAllBytes(pdf)).as("the same events give the same PDF").isEqualTo(first);
        }

        String html = Files.readString(out.resolve("report").resolve(SummaryReport.fileName(PERIOD)));
        assertThat(html).contains("<img src=\"data:image/png;base64,iVBORw0KGgo",
                        "<figcaption>Participants in co-operation events, by item</figcaption>",
                        "<figcaption>Figures recorded per item, by side</figcaption>")
                .doesNotContain("were not built");
        Path pdf = out.resolve("report").resolve(SummaryReport.pdfFileName(PERIOD));
        assertThat(out.resolve("report").resolve(SummaryReport.pdfFileName(PERIOD) + ".provenance.json")).content()
                .contains("\"ledgerPosition\" : 136", "\"job\" : \"report\"");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Summary of Co-operation Items (2020 - mid-2022)");
            assertThat(text).contains("Summary of Co-operation Items (2020 - mid-2022)", "Contents",
                    "Infringing items seized: more than 6.98 million items (Guangdong side).",
                    "Mainland IP administrations linked: 9 administrations (Guangdong side).",
                    "Participants in co-operation events, by item",
                    "Source: Programme Ledger, events up to ledger position 136");
        }
    }

    @Test
    void saysABoundAsAReaderWouldAndShowsDisputesPartsAndThePeriodsOwnFactsWithoutAddingThem() throws Exception {
        Run imported = cli("import", "--store", temp.resolve("store").toString(), SeedData.folder().toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        record(new RecordAlternativeValue(PERIOD, "3.2.1", new BigDecimal("902"), null, Qualifier.EXACTLY,
                        "a later count of the same contest", null),
                new RecordFigure(PERIOD, "2.9.1", 2, null, "participants", new BigDecimal("300"),
                        new BigDecimal("400"), "persons", Qualifier.BETWEEN, Side.JOINT, Extent.parse("2021-06"), null,
                        Basis.FLOW, null, "the test's source", null),
                new RecordFigure(PERIOD, "6.9.1", 6, null, "infringing-items-seized", new BigDecimal("12000"), null,
                        "items", Qualifier.NEARLY, Side.GUANGDONG, Extent.parse("2021-05"), null, Basis.FLOW, "6.1.2",
                        "the test's source", null),
                new RecordFigure(PERIOD, "p.1", null, null, "participants", new BigDecimal("5000"), null, "persons",
                        Qualifier.ABOUT, Side.JOINT, Extent.parse("2021"), null, Basis.FLOW, null, "the test's source",
                        null));

        Run report = report("out");

        assertThat(report.exitCode()).as(report.output()).isZero();
        assertThat(html("out")).contains(
                "Valid applications: 1090 or 902 applications (sources disagree, none adopted).",
                "Participants: between 300 and 400 persons (",
                "Infringing items seized: nearly 12000 items (Guangdong side; ",
                "; included in figure 6.1.2).",
                "Infringing items seized: more than 6.98 million items (Guangdong side).",
                "<h2>Facts of the plan period</h2>", "<li>Participants: about 5000 persons (")
                .doesNotContain("Valid applications: 1090 applications.");
    }

    @Test
    void refusesAPeriodTheLedgerDoesNotHold() {
        assertThat(cli("import", "--store", temp.resolve("store").toString(), SeedData.folder().toString())
                .exitCode()).isZero();
        Run report = cli("report", "--period", "no-such-period", "--store", temp.resolve("store").toString(),
                "--out", temp.resolve("out").toString());
        Run noStore = cli("report", "--period", "no-such-period", "--store", temp.resolve("no-store").toString(),
                "--out", temp.resolve("out").toString());

        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(noStore.exitCode()).isEqualTo(2);
        assertThat(noStore.output()).contains("no-store holds no ledger store");
        assertThat(report.output()).contains("no plan period 'no-such-period' in the ledger");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void refusesToReportFromAPositionThatCannotBeSealed() throws Exception {
        assertThat(cli("import", "--store", temp.resolve("store").toString(), SeedData.folder().toString())
                .exitCode()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
                + temp.resolve("store").resolve("ledger"), "sa", "");
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM ledger_tree_leaf WHERE position = 40");
        }

        Run report = report("out");
        Run atPosition = cli("report", "--period", PERIOD, "--at", "100", "--store", temp.resolve("store").toString(),
                "--out", temp.resolve("at-100").toString());

        assertThat(report.exitCode()).as(report.output()).isEqualTo(1);
        assertThat(report.output()).contains("the report of " + PERIOD + ": ledger position 136 is not sealed",
                "sealing stopped");
        assertThat(temp.resolve("out").resolve("summary-of-cooperation-items-" + PERIOD + ".html")).doesNotExist();
        assertThat(atPosition.exitCode()).as(atPosition.output()).isEqualTo(1);
        assertThat(atPosition.output()).contains("at position 100: ledger position 100 is not sealed");
        assertThat(temp.resolve("at-100")).doesNotExist();
    }

    private void correct(String figureId, BigDecimal value, String reason) throws Exception {
        try (ConfigurableApplicationContext application = Application.start(temp.resolve("store"),
                temp.resolve("unused-out"))) {
            application.getBean(CommandGateway.class).sendAndWait(new CorrectFigure(PERIOD, figureId, value,
                    Qualifier.EXACTLY, reason));
            application.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(2));
        }
    }

    private void record(Object... commands) throws Exception {
        try (ConfigurableApplicationContext application = Application.start(temp.resolve("store"),
                temp.resolve("unused-out"))) {
            for (Object command : commands) {
                application.getBean(CommandGateway.class).sendAndWait(command);
            }
            application.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(2));
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
