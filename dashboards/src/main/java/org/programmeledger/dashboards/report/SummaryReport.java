package org.programmeledger.dashboards.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.programmeledger.analytics.aggregation.StatedValues;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.Provenance;
import org.programmeledger.analytics.views.ViewPosition;
import org.programmeledger.dashboards.views.ActivityView;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.sealing.Sequencer;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The "Summary of Co-operation Items" of a plan period, regenerated from the views: the items in order,
 * each activity told in a sentence composed from its recorded fields, and every figure as the ledger
 * holds it now (a correction shows the corrected value), its bounds as a reader would say them, a disputed
 * figure with every value, and a figure inside another marked so; then the facts of the plan period itself
 * (of no item). The report adds no figures up. Retracted activities and figures are left out.
 * The HTML names only the ledger position, so the same events give the same bytes; the recording time
 * goes into the provenance file beside it.
 */
@Component
public class SummaryReport {

    static final String JOB = "report";

    private final DashboardQueries queries;
    private final StatedValues values;
    private final ITemplateEngine templates;
    private final Sequencer sequencer;

    SummaryReport(DashboardQueries queries, StatedValues values, ITemplateEngine templates, Sequencer sequencer) {
        this.queries = queries;
        this.values = values;
        this.templates = templates;
        this.sequencer = sequencer;
    }

    public static String fileName(String periodId) {
        return "summary-of-cooperation-items-" + periodId + ".html";
    }

    /**
     * Writes the report of the period into {@code folder} and returns its path, once the views' position is
     * sealed; refuses (IllegalStateException) when it is not within 30 s or sealing has stopped.
     */
    public Path write(String periodId, Path folder) throws IOException {
        ViewPosition position = queries.position();
        sequencer.requireSealed(position.position(), "the report of " + periodId);
        byte[] html = render(periodId, position).getBytes(StandardCharsets.UTF_8);
        Path target = folder.resolve(fileName(periodId));
        Path temporary = OutputFiles.temporaryFor(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(html);
            }
            OutputFiles.publish(temporary, target, JOB, Map.of("period", periodId), position.position(),
                    position.recordedAt());
        } finally {
            OutputFiles.deleteQuietly(temporary);
        }
        return target;
    }

    String render(String periodId, ViewPosition position) {
        PeriodView period = queries.period(periodId).orElseThrow(() ->
                new IllegalArgumentException("no plan period '" + periodId + "' in the ledger; periods: "
                        + String.join(", ", queries.periods().stream().map(PeriodView::periodId).toList())));
        List<FigureView> figures = queries.figures(periodId).stream().filter(figure -> !figure.retracted()).toList();
        Map<String, StatedValues.Stated> stated = values.of(periodId);
        List<ReportItem> items = queries.items(periodId).stream().map(item -> reportItem(item, figures, stated))
                .toList();
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("period", period);
        context.setVariable("items", items);
        context.setVariable("periodFacts", figures.stream()
                .filter(figure -> stated.get(figure.figureId()).ofThePeriod())
                .map(figure -> ReportItem.figure(figure, stated.get(figure.figureId()), true)).toList());
        context.setVariable("sourceLine", Provenance.sourceLine(position.position()));
        return templates.process("report/summary", context);
    }

    private ReportItem reportItem(ItemView item, List<FigureView> figures, Map<String, StatedValues.Stated> stated) {
        List<ReportItem.ReportActivity> activities = queries.activities(item.periodId(), item.number()).stream()
                .filter(activity -> !activity.retracted())
                .map(activity -> new ReportItem.ReportActivity(Sentences.of(activity), figures.stream()
                        .filter(figure -> activity.activityId().equals(figure.activityId()))
                        .map(figure -> ReportItem.figure(figure, stated.get(figure.figureId()),
                                !figure.extent().equals(activity.date())))
                        .toList()))
                .toList();
        List<String> itemFigures = figures.stream()
                .filter(figure -> figure.itemNumber() == item.number() && figure.activityId() == null)
                .map(figure -> ReportItem.figure(figure, stated.get(figure.figureId()), true))
                .toList();
        return new ReportItem(item, activities, itemFigures);
    }

    /** Sentences composed from an activity's fields; nothing is added that the ledger does not hold. */
    static final class Sentences {

        private Sentences() {
        }

        static String of(ActivityView activity) {
            String when = switch (activity.date().precision()) {
                case DAY -> "On " + activity.date().describe();
                case MONTH, YEAR -> "In " + activity.date().describe();
                case RANGE -> activity.date().describe();
                case UNSTATED -> "";
            };
            String what = "the " + activity.kindLabel() + " " + activity.title();
            String sentence = activity.organisers().isEmpty() ? what + " took place"
                    : listed(activity.organisers()) + " organised " + what;
            if (!activity.supporters().isEmpty()) {
                sentence += " with the support of " + listed(activity.supporters());
            }
            sentence += switch (activity.mode()) {
                case "ONLINE" -> ", online";
                case "OFFLINE" -> ", in person";
                case "BOTH" -> ", online and in person";
                default -> "";
            };
            String text = when.isEmpty() ? sentence : when + ", " + sentence;
            return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }

        private static String listed(List<String> names) {
            if (names.size() == 1) {
                return names.get(0);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
    }
}
