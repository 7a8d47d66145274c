package org.programmeledger.dashboards.web;

import java.util.List;
import org.programmeledger.analytics.metric.KnownMetrics;
import org.programmeledger.analytics.views.MetricCatalogue;
import org.programmeledger.dashboards.chart.PeriodChart;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.publication.PublicationDiff;
import org.programmeledger.ledger.publication.Publications;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard's pages, server-rendered from the views: overview, one page per item, charts. */
@Controller
class DashboardController {

    private final DashboardQueries queries;
    private final OutputDownloads downloads;
    private final Publications publications;
    private final PublicationDiff diff;
    private final KnownMetrics metrics;
    private final MetricCatalogue catalogue;

    DashboardController(DashboardQueries queries, OutputDownloads downloads, Publications publications,
                        PublicationDiff diff, KnownMetrics metrics, MetricCatalogue catalogue) {
        this.metrics = metrics;
        this.catalogue = catalogue;
        this.publications = publications;
        this.diff = diff;
        this.queries = queries;
        this.downloads = downloads;
    }

    /**
     * A plan period with its items, their figures and the facts of the plan period itself, as the overview
     * shows it.
     */
    record PeriodPage(PeriodView period, List<ItemView> items, List<FigureView> figures, List<FigureView> facts) {

        static PeriodPage of(PeriodView period, List<ItemView> items, List<FigureView> all) {
            return new PeriodPage(period, items, all.stream().filter(FigureView::ofAnItem).toList(),
                    all.stream().filter(figure -> !figure.ofAnItem()).toList());
        }
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("periods", queries.periods().stream()
                .map(period -> PeriodPage.of(period, queries.items(period.periodId()),
                        queries.figures(period.periodId())))
                .toList());
        model.addAttribute("programmeFacts", queries.programmeFacts());
        model.addAttribute("position", queries.position());
        return "dashboard/overview";
    }

    @GetMapping("/periods/{periodId}/items/{number}")
    String item(@PathVariable String periodId, @PathVariable int number, Model model) {
        PeriodView period = queries.period(periodId).orElseThrow(() -> notFound("no plan period " + periodId));
        ItemView item = queries.item(periodId, number).orElseThrow(() -> notFound("no item " + number));
        model.addAttribute("period", period);
        model.addAttribute("item", item);
        model.addAttribute("activities", queries.activities(periodId, number));
        model.addAttribute("figures", queries.figures(periodId, number));
        model.addAttribute("position", queries.position());
        return "dashboard/item";
    }

    @GetMapping("/periods/{periodId}/publications/{number}/changes")
    String changes(@PathVariable String periodId, @PathVariable int number, Model model) {
        PeriodView period = queries.period(periodId).orElseThrow(() -> notFound("no plan period " + periodId));
        Publications.Publication publication = publications.find(periodId, number)
                .orElseThrow(() -> notFound("no publication " + number + " of plan period " + periodId));
        model.addAttribute("period", period);
        model.addAttribute("diff", diff.since(publication));
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

    @GetMapping("/downloads")
    String downloads(Model model) {
        model.addAttribute("files", downloads.list());
        model.addAttribute("position", queries.position());
        return "dashboard/downloads";
    }

    private static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }
}
