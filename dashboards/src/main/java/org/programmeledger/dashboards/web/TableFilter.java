package org.programmeledger.dashboards.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a reader asked the overview for (search text, area, status, organisation, side, metric, plan period), the
 * order of the items table and the pages shown; each may be missing. Links keep the rest of the request.
 *
 * @param q            words in an item's title, or its number
 * @param status       COMPLETED or IN_PROGRESS
 * @param organisation an organisation's name (lead or participating)
 * @param sort         number, title, area or status
 * @param dir          asc or desc
 */
record TableFilter(String q, String period, String area, String status, String organisation, String side,
                   String metric, String sort, String dir, Integer page, Integer figuresPage) {

    static final List<String> SORTS = List.of("number", "title", "area", "status");

    /** The same request, about one plan period. */
    TableFilter inPeriod(String periodId) {
        return new TableFilter(q, periodId, area, status, organisation, side, metric, sort, dir, page, figuresPage);
    }

    boolean showsPeriod(String periodId) {
        return blank(period) || period.equals(periodId);
    }

    boolean keeps(ItemView item) {
        return (blank(q) || item.title().toLowerCase(Locale.ROOT).contains(q.strip().toLowerCase(Locale.ROOT))
                || q.strip().equals(Integer.toString(item.number())))
                && (blank(area) || area.equals(item.area()))
                && (blank(status) || status.equals(item.completed() ? "COMPLETED" : "IN_PROGRESS"))
                && (blank(organisation) || Stream.concat(item.leadOrganisations().stream(),
                        item.participatingOrganisations().stream()).anyMatch(organisation::equals));
    }

    /** A figure of a kept item (or a fact of the plan period, when no item filter is set) of the side and metric. */
    boolean keeps(FigureView figure, List<ItemView> keptItems) {
        boolean itemKept = figure.ofAnItem() ? keptItems.stream().anyMatch(item -> item.number() == figure.itemNumber())
                : blank(q) && blank(area) && blank(status) && blank(organisation);
        return itemKept && (blank(side) || side.equals(figure.side().name()))
                && (blank(metric) || metric.equals(figure.metric()));
    }

    Comparator<ItemView> itemOrder() {
        Comparator<ItemView> byNumber = Comparator.comparingInt(ItemView::number);
        Comparator<ItemView> order = switch (sortOrDefault()) {
            case "title" -> Comparator.comparing(ItemView::title, String.CASE_INSENSITIVE_ORDER);
            case "area" -> Comparator.comparing(item -> item.area() == null ? "" : item.area(),
                    String.CASE_INSENSITIVE_ORDER);
            case "status" -> Comparator.comparing(ItemView::completed);
            default -> byNumber;
        };
        return (descending() ? order.reversed() : order).thenComparing(byNumber);
    }

    public String sortOrDefault() {
        return sort != null && SORTS.contains(sort) ? sort : "number";
    }

    public boolean descending() {
        return "desc".equals(dir);
    }

    /** The overview sorted by a column: ascending, or the other way when it is sorted by it already. */
    public String sortedBy(String column) {
        boolean flip = column.equals(sortOrDefault()) && !descending();
        return link("/", "sort", column, "dir", flip ? "desc" : "asc", "page", null);
    }

    public String itemsPage(int number) {
        return link("/", "page", Integer.toString(number));
    }

    public String figuresPage(int number) {
        return link("/", "figuresPage", Integer.toString(number));
    }

    /** The same table as CSV: every row the filter keeps, in the same order. */
    public String csv(String path) {
        return link(path, "page", null, "figuresPage", null);
    }

    public boolean any() {
        return Stream.of(q, period, area, status, organisation, side, metric).anyMatch(value -> !blank(value));
    }

    private String link(String path, String... replaced) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        String[][] current = {{"q", q}, {"period", period}, {"area", area}, {"status", status},
                {"organisation", organisation}, {"side", side}, {"metric", metric}, {"sort", sort}, {"dir", dir},
                {"page", page == null ? null : page.toString()},
                {"figuresPage", figuresPage == null ? null : figuresPage.toString()}};
        for (String[] parameter : current) {
            if (!blank(parameter[1])) {
                uri.queryParam(parameter[0], parameter[1]);
            }
        }
        for (int i = 0; i < replaced.length; i += 2) {
            if (replaced[i + 1] == null) {
                uri.replaceQueryParam(replaced[i]);
            } else {
                uri.replaceQueryParam(replaced[i], replaced[i + 1]);
            }
        }
        return uri.encode().build().toUriString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
