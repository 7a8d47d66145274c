package org.programmeledger.dashboards.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.dashboards.chart.PeriodChart;
import org.programmeledger.dashboards.history.HistoryLine;
import org.programmeledger.dashboards.history.LedgerHistory;
import org.programmeledger.dashboards.outputs.OutputBuilds;
import org.programmeledger.dashboards.views.ActivityView;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.facade.PublicationRecords;
import org.programmeledger.ledger.service.Publication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The dashboard's pages, server-rendered from the views: overview (searched, filtered, sorted, paged), one page per
 * item, charts; each table also as CSV.
 */
@Controller
class DashboardController {

    static final int ITEMS_PER_PAGE = 50;
    static final int FIGURES_PER_PAGE = 100;
    static final int ACTIVITIES_PER_PAGE = 50;
    static final int HISTORY_PER_PAGE = 100;
    private static final String HISTORY_ROLE = "AUDITOR";
    private static final String REBUILD_ROLE = "SECRETARIAT";
    private static final List<String> ITEM_COLUMNS = List.of("period", "item", "title", "area", "status",
            "new_in_period", "lead_organisations", "participating_organisations");
    private static final List<String> FIGURE_COLUMNS = List.of("period", "item", "figure", "metric", "stated_as",
            "side", "when", "corrected", "retracted", "disputed", "part_of", "source");

    private final DashboardQueries queries;
    private final OutputDownloads downloads;
    private final PublicationRecords publications;
    private final KnownMetrics metrics;
    private final ReadModels catalogue;
    private final LedgerHistory history;
    private final PublicationFiles publicationFiles;
    private final OutputBuilds builds;

    DashboardController(DashboardQueries queries, OutputDownloads downloads, PublicationRecords publications,
                        KnownMetrics metrics, ReadModels catalogue, LedgerHistory history,
                        PublicationFiles publicationFiles, OutputBuilds builds) {
        this.builds = builds;
        this.history = history;
        this.publicationFiles = publicationFiles;
        this.metrics = metrics;
        this.catalogue = catalogue;
        this.publications = publications;
        this.queries = queries;
        this.downloads = downloads;
    }

    /** A plan period with every item and figure, read once for a page or a CSV file. */
    private record PeriodContent(PeriodView period, List<ItemView> items, List<FigureView> figures) {

        Stream<ItemView> keptItems(TableFilter filter) {
            return items.stream().filter(filter::keeps).sorted(filter.itemOrder());
        }

        Stream<FigureView> keptFigures(TableFilter filter) {
            List<ItemView> kept = keptItems(filter).toList();
            return figures.stream().filter(figure -> filter.keeps(figure, kept));
        }
    }

    /**
     * A plan period as the overview shows it: the items and figures the filter keeps, a page of each, and the facts
     * of the plan period itself.
     */
    record PeriodPage(PeriodView period, int itemCount, int completedCount, Paged<ItemView> items,
                      Paged<FigureView> figures, List<FigureView> facts) {

        /** The calendar years the plan period covers, each with a page of its own. */
        public List<Integer> years() {
            return IntStream.rangeClosed(period.startsOn().getYear(), period.endsOn().getYear()).boxed().toList();
        }
    }

    /** A row of a page about a year, with the plan period it belongs to. */
    record Dated<T>(PeriodView period, T row) {
    }

    /** What the overview's filters offer, from every plan period. */
    record Choices(List<PeriodView> periods, List<String> areas, List<String> organisations, List<Side> sides,
                   List<String> metrics) {
    }

    @GetMapping("/")
    String overview(TableFilter filter, Model model) {
        List<PeriodContent> all = contents();
        model.addAttribute("periods", all.stream().filter(content -> filter.showsPeriod(content.period().periodId()))
                .map(content -> {
                    List<FigureView> figures = content.keptFigures(filter).toList();
                    return new PeriodPage(content.period(), content.items().size(),
                            (int) content.items().stream().filter(ItemView::completed).count(),
                            Paged.of(content.keptItems(filter).toList(), filter.page(), ITEMS_PER_PAGE),
                            Paged.of(figures.stream().filter(FigureView::ofAnItem).toList(), filter.figuresPage(),
                                    FIGURES_PER_PAGE),
                            figures.stream().filter(figure -> !figure.ofAnItem()).toList());
                }).toList());
        model.addAttribute("choices", choices(all));
        model.addAttribute("filter", filter);
        model.addAttribute("sortColumns", TableFilter.SORTS);
        model.addAttribute("programmeFacts", filter.any() ? Map.of() : queries.programmeFacts());
        model.addAttribute("position", queries.position());
        return "dashboard/overview";
    }

    /** A plan period's own page: the overview of that period alone, with its filters. */
    @GetMapping("/periods/{periodId}")
    String periodPage(@PathVariable String periodId, TableFilter filter, Model model) {
        period(periodId);
        return overview(filter.inPeriod(periodId), model);
    }

    /**
     * A year across the plan periods: the activities dated within it and the figures whose time lies within it;
     * those that reach beyond the year are listed apart, whole, as the jobs do ("spanning").
     */
    @GetMapping("/years/{year}")
    String year(@PathVariable int year, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer figuresPage, Model model) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<PeriodContent> overlapping = contents().stream().filter(content ->
                !content.period().startsOn().isAfter(to) && !content.period().endsOn().isBefore(from)).toList();
        if (overlapping.isEmpty()) {
            throw PageRefusal.notFound("notFound.year", Integer.toString(year));
        }
        List<Dated<FigureView>> figures = overlapping.stream().flatMap(content -> content.figures().stream()
                .filter(figure -> figure.extent().overlaps(from, to))
                .map(figure -> new Dated<>(content.period(), figure))).toList();
        List<Dated<ActivityView>> activities = overlapping.stream().flatMap(content -> content.items().stream()
                        .flatMap(item -> queries.activities(item.periodId(), item.number()).stream())
                        .filter(activity -> activity.date().liesWithin(from, to))
                        .map(activity -> new Dated<>(content.period(), activity)))
                .sorted(Comparator.comparing((Dated<ActivityView> dated) -> dated.row().date().start())).toList();
        model.addAttribute("year", year);
        model.addAttribute("periods", overlapping.stream().map(PeriodContent::period).toList());
        model.addAttribute("activities", Paged.of(activities, page, ACTIVITIES_PER_PAGE));
        model.addAttribute("figures", Paged.of(figures.stream()
                .filter(dated -> dated.row().extent().liesWithin(from, to)).toList(), figuresPage, FIGURES_PER_PAGE));
        model.addAttribute("spanning", figures.stream()
                .filter(dated -> !dated.row().extent().liesWithin(from, to)).toList());
        model.addAttribute("position", queries.position());
        return "dashboard/year";
    }

    @GetMapping("/items.csv")
    ResponseEntity<String> itemsCsv(TableFilter filter) {
        return TableCsv.of("items.csv", ITEM_COLUMNS, contents().stream()
                .filter(content -> filter.showsPeriod(content.period().periodId()))
                .flatMap(content -> content.keptItems(filter)).map(DashboardController::itemRow));
    }

    @GetMapping("/figures.csv")
    ResponseEntity<String> figuresCsv(TableFilter filter) {
        return TableCsv.of("figures.csv", FIGURE_COLUMNS, contents().stream()
                .filter(content -> filter.showsPeriod(content.period().periodId()))
                .flatMap(content -> content.keptFigures(filter)
                        .map(figure -> figureRow(content.period().periodId(), figure))));
    }

    @GetMapping("/periods/{periodId}/items/{number}")
    String item(@PathVariable String periodId, @PathVariable int number, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer figuresPage, HttpServletRequest request, Model model) {
        PeriodView period = period(periodId);
        ItemView item = item(periodId, number);
        model.addAttribute("period", period);
        model.addAttribute("item", item);
        model.addAttribute("activities", Paged.of(queries.activities(periodId, number), page, ACTIVITIES_PER_PAGE));
        model.addAttribute("figures", Paged.of(queries.figures(periodId, number), figuresPage, FIGURES_PER_PAGE));
        model.addAttribute("historyReader", request.isUserInRole(HISTORY_ROLE));
        model.addAttribute("position", queries.position());
        return "dashboard/item";
    }

    @GetMapping("/periods/{periodId}/items/{number}/activities.csv")
    ResponseEntity<String> activitiesCsv(@PathVariable String periodId, @PathVariable int number) {
        item(periodId, number);
        return TableCsv.of("activities-" + periodId + "-item-" + number + ".csv", List.of("period", "item",
                        "activity", "date", "date_precision", "date_start", "date_end", "kind", "mode", "title",
                        "organisers", "supporters", "retracted"),
                queries.activities(periodId, number).stream().map(activity -> activityRow(periodId, activity)));
    }

    @GetMapping("/periods/{periodId}/items/{number}/figures.csv")
    ResponseEntity<String> itemFiguresCsv(@PathVariable String periodId, @PathVariable int number) {
        item(periodId, number);
        return TableCsv.of("figures-" + periodId + "-item-" + number + ".csv", FIGURE_COLUMNS,
                queries.figures(periodId, number).stream().map(figure -> figureRow(periodId, figure)));
    }

    /** Who recorded what about an item, when and why, with what each change was before and after (auditors). */
    @GetMapping("/periods/{periodId}/items/{number}/history")
    String itemHistory(@PathVariable String periodId, @PathVariable int number,
                       @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        mayReadHistory(request);
        PeriodView period = period(periodId);
        ItemView item = item(periodId, number);
        model.addAttribute("period", period);
        model.addAttribute("item", item);
        model.addAttribute("figureId", null);
        model.addAttribute("lines", Paged.of(history.item(periodId, number), page, HISTORY_PER_PAGE));
        model.addAttribute("position", queries.position());
        return "dashboard/history";
    }

    @GetMapping("/periods/{periodId}/figures/{figureId}/history")
    String figureHistory(@PathVariable String periodId, @PathVariable String figureId,
                         @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        mayReadHistory(request);
        PeriodView period = period(periodId);
        List<HistoryLine> lines = history.figure(periodId, figureId);
        if (lines.isEmpty()) {
            throw PageRefusal.notFound("notFound.figure", figureId, periodId);
        }
        model.addAttribute("period", period);
        model.addAttribute("item", null);
        model.addAttribute("figureId", figureId);
        model.addAttribute("lines", Paged.of(lines, page, HISTORY_PER_PAGE));
        model.addAttribute("position", queries.position());
        return "dashboard/history";
    }

    /** The ledger's history names who recorded each change: auditors read it, as over the API. */
    private static void mayReadHistory(HttpServletRequest request) {
        if (!request.isUserInRole(HISTORY_ROLE)) {
            throw PageRefusal.forbidden("forbidden.history");
        }
    }

    @GetMapping("/periods/{periodId}/publications/{number}/changes")
    String changes(@PathVariable String periodId, @PathVariable int number, Model model) {
        PeriodView period = period(periodId);
        Publication publication = publications.find(periodId, number)
                .orElseThrow(() -> PageRefusal.notFound("notFound.publication", Integer.toString(number), periodId));
        model.addAttribute("period", period);
        model.addAttribute("diff", publications.changesSince(publication));
        model.addAttribute("position", queries.position());
        return "dashboard/changes";
    }

    @GetMapping("/charts")
    String charts(@RequestParam(required = false) String metric, Model model) {
        List<String> chartable = metrics.chartable();
        model.addAttribute("periods", queries.periods());
        model.addAttribute("periodCharts", List.of(PeriodChart.values()));
        model.addAttribute("metrics", chartable);
        // One trend chart at a time: a page of every metric's chart would draw them all on each visit.
        model.addAttribute("metric", chartable.contains(metric) ? metric : null);
        model.addAttribute("position", queries.position());
        return "dashboard/charts";
    }

    /** The metric catalogue: what each metric counts, its units, and how its figures may be combined. */
    @GetMapping("/metrics")
    String metrics(Model model) {
        model.addAttribute("metrics", catalogue.metrics());
        model.addAttribute("position", queries.position());
        return "dashboard/metrics";
    }

    @GetMapping("/metrics.csv")
    ResponseEntity<String> metricsCsv() {
        return TableCsv.of("metrics.csv", List.of("metric", "label", "units", "aggregation", "chartable",
                "description"), catalogue.metrics().stream().map(metric -> List.of(metric.metricId(), metric.label(),
                String.join("; ", metric.units()), metric.aggregation(), metric.chartable(),
                Objects.toString(metric.description(), ""))));
    }

    @GetMapping("/downloads")
    String downloads(@RequestParam(required = false) Integer built, @RequestParam(required = false) Integer current,
                     @RequestParam(required = false) Integer failed, HttpServletRequest request, Model model) {
        model.addAttribute("files", downloads.list());
        model.addAttribute("mayRebuild", request.isUserInRole(REBUILD_ROLE));
        model.addAttribute("rebuilt", built == null ? null : List.of(built, Objects.requireNonNullElse(current, 0),
                Objects.requireNonNullElse(failed, 0)));
        model.addAttribute("publications", publicationFiles.list(queries.periods()));
        model.addAttribute("position", queries.position());
        return "dashboard/downloads";
    }

    /**
     * Rebuilds every output that is not current (the button on the downloads page, role SECRETARIAT by its /api
     * path) and shows the downloads again with what was done.
     */
    @PostMapping("/api/outputs/rebuild")
    RedirectView rebuild() {
        RedirectView downloadsPage = new RedirectView("/downloads");
        downloadsPage.setStatusCode(HttpStatus.SEE_OTHER);
        builds.buildAll().ifPresentOrElse(done -> downloadsPage.setAttributesMap(Map.of("built", done.built(),
                        "current", done.current(), "failed", done.failures().size())),
                () -> downloadsPage.setAttributesMap(Map.of("busy", true)));
        return downloadsPage;
    }

    private List<PeriodContent> contents() {
        return queries.periods().stream().map(period -> new PeriodContent(period, queries.items(period.periodId()),
                queries.figures(period.periodId()))).toList();
    }

    private static Choices choices(List<PeriodContent> all) {
        List<ItemView> items = all.stream().flatMap(content -> content.items().stream()).toList();
        List<FigureView> figures = all.stream().flatMap(content -> content.figures().stream()).toList();
        return new Choices(all.stream().map(PeriodContent::period).toList(),
                items.stream().map(ItemView::area).filter(Objects::nonNull).distinct().sorted().toList(),
                items.stream().flatMap(item -> Stream.concat(item.leadOrganisations().stream(),
                        item.participatingOrganisations().stream())).distinct().sorted().toList(),
                Arrays.stream(Side.values()).filter(side -> figures.stream().anyMatch(f -> f.side() == side)).toList(),
                figures.stream().map(FigureView::metric).distinct().sorted().toList());
    }

    private PeriodView period(String periodId) {
        return queries.period(periodId).orElseThrow(() -> PageRefusal.notFound("notFound.period", periodId));
    }

    private ItemView item(String periodId, int number) {
        period(periodId);
        return queries.item(periodId, number).orElseThrow(() -> PageRefusal.notFound("notFound.item", Integer.toString(number), periodId));
    }

    private static List<?> itemRow(ItemView item) {
        return List.of(item.periodId(), item.number(), item.title(), Objects.toString(item.area(), ""),
                item.status(), item.newInPeriod(), String.join("; ", item.leadOrganisations()),
                String.join("; ", item.participatingOrganisations()));
    }

    private static List<?> figureRow(String periodId, FigureView figure) {
        return List.of(periodId, figure.ofAnItem() ? figure.itemNumber() : "", figure.figureId(), figure.metric(),
                figure.said(), figure.side().code(), figure.extent().describe(), figure.corrected(),
                figure.retracted(), figure.disputed(), Objects.toString(figure.partOf(), ""),
                figure.source().citation());
    }

    private static List<?> activityRow(String periodId, ActivityView activity) {
        return List.of(periodId, activity.itemNumber(), activity.activityId(), activity.date().text(),
                activity.precisionLabel(),
                Objects.toString(activity.date().start(), ""), Objects.toString(activity.date().end(), ""),
                activity.kindLabel(), activity.modeLabel(), activity.title(), String.join("; ", activity.organisers()),
                String.join("; ", activity.supporters()), activity.retracted());
    }
}
