package org.programmeledger.dashboards.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.programmeledger.analytics.aggregation.StatedValues;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.output.Provenance;
import org.programmeledger.analytics.reads.ViewPosition;
import org.programmeledger.analytics.reads.ViewReads;
import org.programmeledger.dashboards.chart.PeriodChart;
import org.programmeledger.dashboards.views.ActivityView;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.facade.Sealing;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The "Summary of Co-operation Items" of a plan period, regenerated from the views, as the secretariat would
 * sign it: a contents list, the items in order, each activity told in a sentence composed from its recorded
 * fields (organisations introduced once with their abbreviation, then abbreviated), every figure as the ledger
 * holds it now with its number as the source states it (a correction shows the corrected value), its bounds as
 * a reader would say them, a disputed figure with every value, and a figure inside another marked so; the facts
 * of the plan period itself; and the period's charts. The report adds no figures up. Retracted activities and
 * figures are left out. The same XHTML is written as HTML and as PDF. Both name only the ledger position, so the
 * same events give the same bytes; the recording time goes into the provenance files beside them.
 */
@Component
public class SummaryReport {

    static final String JOB = "report";

    private final DashboardQueries queries;
    private final StatedValues values;
    private final ITemplateEngine templates;
    private final Sealing sequencer;
    private final ViewReads reads;
    private final ReadModels readModels;
    private final OutputSettings output;

    SummaryReport(DashboardQueries queries, StatedValues values, ITemplateEngine templates, Sealing sequencer,
                  ViewReads reads, ReadModels readModels, OutputSettings output) {
        this.queries = queries;
        this.values = values;
        this.templates = templates;
        this.sequencer = sequencer;
        this.reads = reads;
        this.readModels = readModels;
        this.output = output;
    }

    public static String fileName(String periodId) {
        return "summary-of-cooperation-items-" + periodId + ".html";
    }

    /** The PDF beside the HTML: the same name ending in {@code .pdf}. */
    public static String pdfFileName(String periodId) {
        return "summary-of-cooperation-items-" + periodId + ".pdf";
    }

    /**
     * Writes the report of the period into {@code folder}, as HTML and as PDF, and returns the HTML's path, once
     * the views' position is sealed; refuses (IllegalStateException) when it is not within 30 s or sealing has
     * stopped.
     */
    public Path write(String periodId, Path folder) throws IOException {
        ViewPosition position = queries.position();
        sequencer.requireSealed(position.position(), "the report of " + periodId);
        String xhtml = render(periodId, position);
        Path html = folder.resolve(fileName(periodId));
        publish(xhtml.getBytes(StandardCharsets.UTF_8), html, periodId, position);
        publish(ReportPdf.of(xhtml, "Summary of Co-operation Items (" + queries.period(periodId).orElseThrow().label()
                + ")"), folder.resolve(pdfFileName(periodId)), periodId, position);
        return html;
    }

    private static void publish(byte[] bytes, Path target, String periodId, ViewPosition position) throws IOException {
        Path temporary = OutputFiles.temporaryFor(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(bytes);
            }
            OutputFiles.publish(temporary, target, JOB, Map.of("period", periodId), position.position(),
                    position.recordedAt());
        } finally {
            OutputFiles.deleteQuietly(temporary);
        }
    }

    String render(String periodId, ViewPosition position) {
        PeriodView period = queries.period(periodId).orElseThrow(() ->
                new IllegalArgumentException("no plan period '" + periodId + "' in the ledger; periods: "
                        + String.join(", ", queries.periods().stream().map(PeriodView::periodId).toList())));
        Naming naming = Naming.of(reads.organisations(), readModels.metrics());
        List<FigureView> figures = queries.figures(periodId).stream().filter(figure -> !figure.retracted()).toList();
        Map<String, StatedValues.Stated> stated = values.of(periodId);
        List<ReportItem> items = queries.items(periodId).stream()
                .map(item -> reportItem(item, figures, stated, naming)).toList();
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("period", period);
        context.setVariable("items", items);
        context.setVariable("periodFacts", figures.stream()
                .filter(figure -> stated.get(figure.figureId()).ofThePeriod())
                .map(figure -> ReportItem.figure(figure, stated.get(figure.figureId()), true, naming)).toList());
        context.setVariable("charts", charts(periodId, position));
        context.setVariable("position", position.position());
        context.setVariable("sourceLine", Provenance.sourceLine(position.position()));
        return templates.process("report/summary", context);
    }

    /** A chart of the period, inlined so that the HTML and the PDF carry it. */
    public record ReportChart(String title, String dataUri) {
    }

    /**
     * The period's charts the chart job wrote at this very position of this ledger (its provenance names the
     * position and the recording time of its event): a chart built at another position, or from another store
     * writing into the same folder, would show other figures than the report's, so it is left out, and the
     * report says so.
     */
    private List<ReportChart> charts(String periodId, ViewPosition position) {
        List<ReportChart> charts = new ArrayList<>();
        for (PeriodChart chart : PeriodChart.values()) {
            Path png = output.charts().resolve(chart.fileStem(periodId) + ".png");
            try {
                if (Files.exists(png) && OutputFiles.provenanceOf(png).filter(provenance -> builtAt(provenance,
                        position)).isPresent()) {
                    charts.add(new ReportChart(chart.title(), "data:image/png;base64,"
                            + Base64.getEncoder().encodeToString(Files.readAllBytes(png))));
                }
            } catch (IOException unreadable) {
                // A chart being rewritten meanwhile is left out like a stale one.
            }
        }
        return charts;
    }

    private static boolean builtAt(Provenance provenance, ViewPosition position) {
        return provenance.ledgerPosition() == position.position()
                && String.valueOf(position.recordedAt()).equals(provenance.recordedAt());
    }

    private ReportItem reportItem(ItemView item, List<FigureView> figures, Map<String, StatedValues.Stated> stated,
                                  Naming naming) {
        String particulars = ReportItem.particulars(item, naming);
        List<ReportItem.ReportActivity> activities = queries.activities(item.periodId(), item.number()).stream()
                .filter(activity -> !activity.retracted())
                .map(activity -> new ReportItem.ReportActivity(Sentences.of(activity, naming), figures.stream()
                        .filter(figure -> activity.activityId().equals(figure.activityId()))
                        .map(figure -> ReportItem.figure(figure, stated.get(figure.figureId()),
                                !figure.extent().equals(activity.date()), naming))
                        .toList()))
                .toList();
        List<String> itemFigures = figures.stream()
                .filter(figure -> figure.itemNumber() == item.number() && figure.activityId() == null)
                .map(figure -> ReportItem.figure(figure, stated.get(figure.figureId()), true, naming))
                .toList();
        return new ReportItem(item, particulars, activities, itemFigures);
    }

    /**
     * Sentences composed from an activity's fields; nothing is added that the ledger does not hold. A title that
     * is a name in quotation marks is what was organised ("the HKIPD organised the “Start-Up Business Development
     * Course”"), with its kind only when the name does not say it; a title that describes the activity opens the
     * sentence itself, so that kind and title are never said twice.
     */
    static final class Sentences {

        private Sentences() {
        }

        static String of(ActivityView activity, Naming naming) {
            String when = switch (activity.date().precision()) {
                case DAY -> "On " + activity.date().describe();
                case MONTH, YEAR -> "In " + activity.date().describe();
                case RANGE -> activity.date().describe();
                case UNSTATED -> "";
            };
            String organisers = activity.organisers().isEmpty() ? "" : naming.list(activity.organisers());
            String support = activity.supporters().isEmpty() ? ""
                    : " with the support of " + naming.list(activity.supporters());
            String mode = switch (activity.mode()) {
                case "ONLINE" -> ", online";
                case "OFFLINE" -> ", in person";
                case "BOTH" -> ", online and in person";
                default -> "";
            };
            String text;
            if (activity.title().startsWith("\u201c")) {
                String what = "the " + (namesItsKind(activity) ? "" : activity.kindLabel() + " ") + activity.title();
                String sentence = organisers.isEmpty() ? what + " took place"
                        : organisers + (activity.organisers().size() > 1 ? " jointly organised " : " organised ")
                        + what;
                text = (when.isEmpty() ? sentence : when + ", " + sentence) + support + mode;
            } else {
                text = activity.title() + (organisers.isEmpty() ? "" : ", by " + organisers) + support
                        + (when.isEmpty() ? "" : ", " + Character.toLowerCase(when.charAt(0)) + when.substring(1))
                        + mode;
            }
            return Naming.capitalised(text) + (text.endsWith(".") ? "" : ".");
        }

        /** Whether the title already says the kind: "… Development Course" for a course, "… Forum 2020" for a forum. */
        private static boolean namesItsKind(ActivityView activity) {
            String kind = activity.kindLabel();
            String noun = kind.substring(kind.lastIndexOf(' ') + 1);
            return activity.title().toLowerCase(Locale.ROOT).contains(noun);
        }
    }
}
