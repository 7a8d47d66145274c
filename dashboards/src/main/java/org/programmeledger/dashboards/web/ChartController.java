package org.programmeledger.dashboards.web;

import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.dashboards.chart.ChartImages;
import org.programmeledger.dashboards.chart.PeriodChart;
import org.programmeledger.dashboards.chart.TrendChart;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.PeriodView;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Charts drawn on request from the views as they stand, and the files the jobs wrote. A chart's
 * Ledger-Position header names the position it was drawn from, as its source line does.
 */
@RestController
class ChartController {

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private final DashboardQueries queries;
    private final KnownMetrics metrics;
    private final OutputDownloads downloads;

    ChartController(DashboardQueries queries, KnownMetrics metrics, OutputDownloads downloads) {
        this.queries = queries;
        this.metrics = metrics;
        this.downloads = downloads;
    }

    @GetMapping("/charts/{periodId}/{name}.png")
    ResponseEntity<byte[]> periodChartPng(@PathVariable String periodId, @PathVariable String name) {
        return image(periodChart(periodId, name), false);
    }

    @GetMapping("/charts/{periodId}/{name}.svg")
    ResponseEntity<byte[]> periodChartSvg(@PathVariable String periodId, @PathVariable String name) {
        return image(periodChart(periodId, name), true);
    }

    @GetMapping("/charts/trends/{name}.png")
    ResponseEntity<byte[]> trendChartPng(@PathVariable String name) {
        return image(trendChart(name), false);
    }

    @GetMapping("/charts/trends/{name}.svg")
    ResponseEntity<byte[]> trendChartSvg(@PathVariable String name) {
        return image(trendChart(name), true);
    }

    @GetMapping("/downloads/{folder}/{name}")
    ResponseEntity<Resource> download(@PathVariable String folder, @PathVariable String name) {
        Path file = downloads.find(folder, name).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no output " + folder + "/" + name));
        MediaType type = name.endsWith(".csv") ? MediaType.valueOf("text/csv;charset=UTF-8")
                : MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(new FileSystemResource(file));
    }

    private DrawnChart periodChart(String periodId, String name) {
        PeriodChart chart = PeriodChart.named(name).orElseThrow(() -> notFound("no chart " + name));
        PeriodView period = queries.period(periodId).orElseThrow(() -> notFound("no plan period " + periodId));
        long position = queries.position().position();
        return new DrawnChart(chart.drawFrom(period, queries.items(periodId), queries.figures(periodId), position), position);
    }

    private DrawnChart trendChart(String metric) {
        List<String> chartable = metrics.chartable();
        if (!chartable.contains(metric)) {
            throw notFound("no chartable metric " + metric + "; metrics: " + String.join(", ", chartable));
        }
        List<FigureView> figures = queries.figuresOf(metric);
        long position = queries.position().position();
        return new DrawnChart(TrendChart.draw(metric, metrics.label(metric), figures, position), position);
    }

    private static ResponseEntity<byte[]> image(DrawnChart drawn, boolean svg) {
        return ResponseEntity.ok().contentType(svg ? SVG : MediaType.IMAGE_PNG)
                .header("Ledger-Position", Long.toString(drawn.position()))
                .body(svg ? ChartImages.svg(drawn.chart()) : ChartImages.png(drawn.chart()));
    }

    private static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }

    private record DrawnChart(JFreeChart chart, long position) {
    }
}
