package org.programmeledger.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.service.DryRunReport;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.service.RowProblem;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** The importer against the real command bus and event store, on a fresh H2 file per test. */
@SpringBootTest(classes = LedgerTestApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
@ExtendWith(OutputCaptureExtension.class)
class LedgerImporterIT {

    private static final Map<String, String> CSV_IMPORT = Map.of(RecordingMetaData.CHANNEL, "csv-import");

    @Autowired
    LedgerImporter importer;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private long events(String payloadType) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                "org.programmeledger.ledger.api." + payloadType);
    }

    /** A file of {@code lines} in the test's folder. */
    private Path csvFile(String name, String... lines) throws IOException {
        return Files.writeString(temp.resolve(name), String.join("\n", lines), StandardCharsets.UTF_8);
    }

    private List<ImportReport> importSeed() {
        List<ImportReport> reports = new ArrayList<>();
        importer.importFiles(SeedData.files(), CSV_IMPORT, new ImportListener() {
            @Override
            public void fileDone(ImportReport report) {
                reports.add(report);
            }
        });
        return reports;
    }

    private static final String FIGURES = "period_id,figure_id,item,activity_id,metric,value,unit,qualifier,side,"
            + "extent,basis,source\n";

    /**
     * Rows aimed at a plan period that is not in the ledger: each used to write a 26 KB stack trace, and a large
     * file ran out of heap. Now the file is refused after the first 100 refused rows, each logged in one line.
     */
    @Test
    void aLargeFileOfRowsForAnUnknownPeriodIsRefusedAfterItsFirstHundredWithOneLogLineEach(CapturedOutput log)
            throws IOException {
        StringBuilder csv = new StringBuilder(FIGURES);
        for (int row = 0; row < 20_000; row++) {
            csv.append("nowhere,f").append(row).append(",2,,participants,250,persons,exactly,joint,2020-12,flow,s\n");
        }
        Path file = Files.writeString(temp.resolve("06-figures.csv"), csv);

        ImportReport report = importer.importFile(file, CSV_IMPORT);

        assertThat(report.accepted()).isFalse();
        assertThat(report.rows()).isEqualTo(20_000);
        assertThat(report.problems()).hasSize(RowProblems.LISTED + 1);
        assertThat(report.problems().get(0)).hasToString("line 2: 'nowhere' is not in the ledger; record it first");
        assertThat(report.problems().get(RowProblems.LISTED)).hasToString("line 102: this row and the rest were not "
                + "checked against the ledger: the file is refused after 100 refused rows");
        assertThat(events()).isZero();
        List<String> refusals = log.getAll().lines().filter(line -> line.contains("RecordFigure refused")).toList();
        assertThat(refusals).hasSize(RowProblems.LISTED);
        assertThat(refusals.get(0)).contains("via csv-import 06-figures.csv:2", "'nowhere' is not in the ledger");
        assertThat(log.getAll()).doesNotContain("at org.axonframework").hasSizeLessThan(100_000);
    }

    /** A large file of bad cells: the first 100 listed with their lines, the rest counted. */
    @Test
    void aLargeFileOfBadRowsListsTheFirstHundredAndCountsTheRest() throws IOException {
        StringBuilder csv = new StringBuilder(FIGURES);
        for (int row = 0; row < 100_000; row++) {
            csv.append("p,f").append(row).append(",2,,participants,1 268,persons,exactly,joint,2020-12,flow,s\n");
        }
        Path file = Files.writeString(temp.resolve("06-figures.csv"), csv);

        ImportReport report = importer.importFile(file, CSV_IMPORT);

        assertThat(report.problems()).hasSize(RowProblems.LISTED + 1);
        assertThat(report.problems().get(99).line()).isEqualTo(101);
        assertThat(report.problems().get(99).message()).startsWith("value: '1 268' is not a number");
        assertThat(report.problems().get(RowProblems.LISTED))
                .hasToString("line 102: and 99900 more problems from this line on, not listed");
    }

    @Test
    void refusesAnIdentifierOutsideTheDocumentedCharactersWithItsLine() throws IOException {
        Path file = Files.writeString(temp.resolve("06-figures.csv"), FIGURES
                + "gd-2020,x' OR '1'='1,2,,participants,250,persons,exactly,joint,2020-12,flow,s\n");

        ImportReport report = importer.importFile(file, CSV_IMPORT);

        assertThat(report.problems()).singleElement().hasToString("line 2: figure_id: 'x' OR '1'='1' must be 1 to 255 "
                + "of the characters A-Z a-z 0-9 - . _ ~ (RFC 3986 unreserved)");
    }

    @Test
    void recordsTheWholeSeedReportAsEvents() {
        List<ImportReport> reports = importSeed();

        assertThat(reports).hasSize(8).allMatch(ImportReport::accepted);
        assertThat(events("ProgrammeEstablished")).isEqualTo(1);
        assertThat(events("OrganisationRegistered")).isEqualTo(26);
        assertThat(events("PlanPeriodOpened")).isEqualTo(1);
        assertThat(events("ItemRegistered")).isEqualTo(19);
        assertThat(events("ActivityRecorded")).isEqualTo(31);
        assertThat(events("FigureRecorded")).isEqualTo(22);
        assertThat(events("ItemCompleted")).isEqualTo(19);
        assertThat(reports.stream().mapToLong(ImportReport::eventsRecorded).sum()).isEqualTo(events());
    }

    @Test
    void storesEventsAsReadableJsonWithTheImportLineInTheMetadata() {
        importSeed();

        String payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%FigureRecorded' AND payload LIKE '%\"figureId\":\"6.1.2\"%'", String.class);
        assertThat(payload).contains("\"value\":6980000", "\"qualifier\":\"MORE_THAN\"", "\"side\":\"GUANGDONG\"",
                "\"start\":\"2020-01-01\"", "\"end\":\"2022-06-30\"");
        String metaData = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE payload LIKE "
                + "'%\"figureId\":\"6.1.2\"%'", String.class);
        assertThat(metaData).contains("\"file\":\"06-figures.csv\"", "\"line\":11", "\"channel\":\"csv-import\"");
    }

    @Test
    void reImportingTheSameFilesRecordsNothingNew() {
        importSeed();
        long before = events();

        List<ImportReport> again = importSeed();

        assertThat(again).allMatch(ImportReport::accepted);
        assertThat(again).allMatch(report -> report.eventsRecorded() == 0);
        assertThat(events()).isEqualTo(before);
    }

    /** An adoption that a later source disputed again is not recorded a second time: the dispute stands. */
    @Test
    void reImportingAnAdoptionALaterSourceDisputedRecordsNothingAndTheFigureStaysDisputed() throws IOException {
        importSeed();
        Path alternatives = csvFile("alternatives.csv", "period_id,figure_id,value,qualifier,source",
                "gdhk-ipr-2020-mid-2022,3.2.1,902,exactly,a second source");
        Path adoptions = csvFile("adoptions.csv", "period_id,figure_id,value_number,reason",
                "gdhk-ipr-2020-mid-2022,3.2.1,1,the minutes agree with 902");
        Path later = csvFile("later-alternatives.csv", "period_id,figure_id,value,qualifier,source",
                "gdhk-ipr-2020-mid-2022,3.2.1,1000,about,a third source");
        importer.importFiles(List.of(alternatives, adoptions, later), CSV_IMPORT, ImportListener.SILENT);
        long before = events();

        List<ImportReport> again = importer.importFiles(List.of(alternatives, adoptions, later), CSV_IMPORT,
                ImportListener.SILENT);

        assertThat(again).allMatch(ImportReport::accepted).allMatch(report -> report.eventsRecorded() == 0);
        assertThat(events()).isEqualTo(before);
        assertThat(events("ValueAdopted")).isEqualTo(1);
    }

    @Test
    void aFileWithBadRowsRecordsNothingAndNamesEveryBadLine() throws IOException {
        importer.importFiles(SeedData.files().subList(0, 5), CSV_IMPORT, ImportListener.SILENT);
        long before = events();
        Path figures = temp.resolve("figures.csv");
        Files.writeString(figures, String.join("\r\n",
                "period_id,figure_id,item,activity_id,metric,value,unit,qualifier,side,extent,basis,source",
                "gdhk-ipr-2020-mid-2022,2.0.1,2,,participants,250,persons,more-than,joint,2020-12,flow,good row",
                "gdhk-ipr-2020-mid-2022,2.0.2,2,,participants,1 268,persons,exactly,joint,2021,flow,spaced number",
                "gdhk-ipr-2020-mid-2022,2.0.3,2,,participants,12,persons,roughly,joint,2021,flow,bad qualifier",
                "gdhk-ipr-2020-mid-2022,2.0.4,2,,participants,12,persons,exactly,joint,2021-13,flow,bad month",
                "gdhk-ipr-2020-mid-2022,2.0.5,2,,participants,12,persons,exactly,joint",
                ""), StandardCharsets.UTF_8);

        ImportReport report = importer.importFile(figures, CSV_IMPORT);

        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(RowProblem::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(report.problems().get(0).message()).startsWith("value: '1 268' is not a number");
        assertThat(report.problems().get(1).message()).startsWith("qualifier: 'roughly' is not a qualifier");
        assertThat(report.problems().get(2).message()).isEqualTo("extent: '2021-13' is not a valid date");
        assertThat(report.problems().get(3).message()).isEqualTo("has 9 cells where the header has 12");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRowRefusedByARuleRollsBackTheRowsBeforeIt() throws IOException {
        importer.importFiles(SeedData.files().subList(0, 5), CSV_IMPORT, ImportListener.SILENT);
        long before = events();
        Path activities = csvFile("activities.csv",
                "period_id,activity_id,item,kind,title,organisers,supporters,mode,date,source",
                "gdhk-ipr-2020-mid-2022,4.1,4,expo,Expo,hkipd,,online,2020-11,fine",
                "gdhk-ipr-2020-mid-2022,4.2,4,expo,Expo,nobody,,online,2020-11,unknown organiser",
                "gdhk-ipr-2020-mid-2022,4.3,4,expo,Expo,hkipd,,online,2023-01,outside the period",
                "gdhk-ipr-2020-mid-2022,99.1,99,expo,Expo,hkipd,,online,2020-11,no such item");

        ImportReport report = importer.importFile(activities, CSV_IMPORT);

        assertThat(report.problems()).extracting(RowProblem::toString).containsExactly(
                "line 3: unknown organisation nobody; register it first",
                "line 4: activity 4.3 is dated January 2023, outside plan period 2020 - mid-2022 "
                        + "(2020-01-01 to 2022-06-30)",
                "line 5: item 99 is not registered in plan period gdhk-ipr-2020-mid-2022");
        assertThat(events()).isEqualTo(before);
        assertThat(events("ActivityRecorded")).isZero();
    }

    /** Every kind of record shares one space of identifiers: a row naming another kind's ended the import as a bug. */
    @Test
    void aRowWhoseIdentifierNamesAnotherKindOfRecordIsRefusedWithItsLineAndTheKind() throws IOException {
        importer.importFiles(SeedData.files().subList(0, 4), CSV_IMPORT, ImportListener.SILENT);
        long before = events();
        Path organisations = csvFile("organisations.csv",
                "organisation_id,name,abbreviation,side,source",
                "hk-office,An office,,hong-kong,fine",
                "gdhk-ipr,The programme's identifier,,guangdong,taken",
                "gdhk-ipr-2020-mid-2022,The plan period's identifier,,guangdong,taken");
        Path activities = csvFile("activities.csv",
                "period_id,activity_id,item,kind,title,organisers,supporters,mode,date,source",
                "gdhk-ipr,4.1,4,expo,Expo,hkipd,,online,2020-11,a programme as the period");

        String shared = " of the ledger: every kind of record shares one space of identifiers";
        assertThat(importer.importFile(organisations, CSV_IMPORT).problems()).extracting(RowProblem::toString)
                .containsExactly("line 3: 'gdhk-ipr' already names a programme" + shared,
                        "line 4: 'gdhk-ipr-2020-mid-2022' already names a plan period" + shared);
        assertThat(importer.importFile(activities, CSV_IMPORT).problems()).extracting(RowProblem::toString)
                .containsExactly("line 2: 'gdhk-ipr' already names a programme" + shared);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aNumberWithMoreDigitsThanTheLedgerHoldsIsSaidToBeSo() throws IOException {
        importer.importFiles(SeedData.files().subList(0, 4), CSV_IMPORT, ImportListener.SILENT);
        Path items = csvFile("items.csv",
                "period_id,item,title,area,new_in_period,lead_organisations,participating_organisations,source",
                "gdhk-ipr-2020-mid-2022,2147483647,Max,area,no,hkipd,,s",
                "gdhk-ipr-2020-mid-2022,-5,Negative,area,no,hkipd,,s");
        Path figures = csvFile("figures.csv", FIGURES.strip(),
                "gdhk-ipr-2020-mid-2022,f.1,2,,participants,0.0000001,persons,exactly,joint,2021,flow,s",
                "gdhk-ipr-2020-mid-2022,f.2,2,,participants,1234567890123456789,persons,exactly,joint,2021,flow,s",
                "gdhk-ipr-2020-mid-2022,f.3,2,,participants,1e5,persons,exactly,joint,2021,flow,s");

        assertThat(importer.importFile(items, CSV_IMPORT).problems()).extracting(RowProblem::toString).containsExactly(
                "line 2: item: '2147483647' is too large a whole number (at most 999999999)",
                "line 3: item: '-5' is not a whole number");
        assertThat(importer.importFile(figures, CSV_IMPORT).problems()).extracting(RowProblem::toString)
                .containsExactly("line 2: value: '0.0000001' has more digits than a figure holds: at most 18 before "
                                + "the '.' and 6 after it",
                        "line 3: value: '1234567890123456789' has more digits than a figure holds: at most 18 before "
                                + "the '.' and 6 after it",
                        "line 4: value: '1e5' is not a number; write digits only, with a '.' for decimals (1268, not "
                                + "1 268 or 1,268; negative values are not figures)");
    }

    @Test
    void refusesAFileWhoseHeaderMatchesNoFormat() throws IOException {
        Path file = temp.resolve("odd.csv");
        Files.writeString(file, "name,amount\nx,1\n", StandardCharsets.UTF_8);

        ImportReport report = importer.importFile(file, CSV_IMPORT);

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).contains("matches no import format");
        });
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws IOException {
        Path file = temp.resolve("latin1.csv");
        Files.write(file, "programme_id,name,source\nx,Caf\u00e9,s\n".getBytes(StandardCharsets.ISO_8859_1));

        ImportReport report = importer.importFile(file, CSV_IMPORT);

        assertThat(report.problems()).extracting(RowProblem::message).containsExactly("the file is not valid UTF-8 text");
        assertThat(events()).isZero();
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() throws IOException {
        Path file = temp.resolve("bom.csv");
        Files.writeString(file, "\uFEFFprogramme_id,name,source\ngdhk-ipr,Expert Group,s\n", StandardCharsets.UTF_8);

        ImportReport report = importer.importFile(file, CSV_IMPORT);

        assertThat(report.accepted()).isTrue();
        assertThat(events("ProgrammeEstablished")).isEqualTo(1);
    }

    @Test
    void aDryRunWritesNothingAndReportsExactlyWhatTheImportThenRecords() throws IOException {
        List<DryRunReport> dryRun = importer.dryRun(SeedData.files(), CSV_IMPORT);

        assertThat(dryRun).hasSize(8).allMatch(DryRunReport::accepted);
        assertThat(dryRun.stream().mapToLong(DryRunReport::events).sum()).isEqualTo(136);
        assertThat(events()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_event_authenticator", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registry_organisation", Long.class)).isZero();

        List<ImportReport> imported = importSeed();
        for (int n = 0; n < 7; n++) {
            assertThat(dryRun.get(n).events()).as(dryRun.get(n).file().toString())
                    .isEqualTo(imported.get(n).eventsRecorded());
        }
        DryRunReport figures = dryRun.stream().filter(r -> r.file().endsWith("06-figures.csv")).findFirst().orElseThrow();
        for (DryRunReport.EventCount count : figures.wouldRecord()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ? "
                            + "AND payload LIKE ?", Long.class, "org.programmeledger.ledger.api." + count.event(),
                    "%\"itemNumber\":" + count.item() + ",%")).as(count.toString()).isEqualTo(count.count());
        }
        assertThat(figures.wouldRecord().stream().mapToLong(DryRunReport.EventCount::count).sum()).isEqualTo(22);

        List<DryRunReport> again = importer.dryRun(SeedData.files(), CSV_IMPORT);
        assertThat(again).allMatch(report -> report.accepted() && report.events() == 0
                && report.alreadyRecorded().size() == report.rows());
        assertThat(events()).isEqualTo(136);
    }

    @Test
    void aDryRunNamesTheRowsItWouldRefuseAndTheRepeats() throws IOException {
        importSeed();
        long before = events();
        List<String> lines = new ArrayList<>(Files.readAllLines(SeedData.folder().resolve("06-figures.csv")));
        lines.add(lines.get(1).replace(",2.1.1,2,2.1,", ",2.1.9,2,2.1,"));
        lines.add(lines.get(1).replace(",2.1.1,2,2.1,", ",2.1.8,2,9.9,"));
        Path file = temp.resolve("06-figures.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);

        DryRunReport refused = importer.dryRun(List.of(file), CSV_IMPORT).get(0);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.problems()).extracting(RowProblem::line).containsExactly((long) lines.size());
        assertThat(refused.problems().get(0).message()).isEqualTo("activity 9.9 is not recorded in plan period "
                + "gdhk-ipr-2020-mid-2022");

        lines.remove(lines.size() - 1);
        Files.write(file, lines, StandardCharsets.UTF_8);
        DryRunReport accepted = importer.dryRun(List.of(file), CSV_IMPORT).get(0);
        assertThat(accepted.wouldRecord()).containsExactly(new DryRunReport.EventCount(2, "FigureRecorded", 1));
        assertThat(accepted.alreadyRecorded()).hasSize(22);
        assertThat(events()).isEqualTo(before);
    }
}
