package org.programmeledger.dashboards.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.reads.ViewReads;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.analytics.reads.ViewPosition;
import org.springframework.stereotype.Component;

/**
 * What the dashboard, the charts and the report show, read from analytics' views (never the event store) through
 * {@link ViewReads}, with organisations by name. Retracted activities and their figures are returned, marked, so
 * that pages can show them struck out; totals and charts leave them out.
 */
@Component
public class DashboardQueries {

    private final ViewReads reads;
    private final ReadModels views;

    DashboardQueries(ViewReads reads, ReadModels views) {
        this.reads = reads;
        this.views = views;
    }

    public ViewPosition position() {
        return views.position();
    }

    public List<PeriodView> periods() {
        return reads.periods().stream().map(p -> new PeriodView(p.periodId(), p.programmeName(), p.label(),
                p.startsOn(), p.endsOn(), p.status().name(), p.publication(), p.publishedPosition(),
                p.changedSincePublication())).toList();
    }

    public Optional<PeriodView> period(String periodId) {
        return periods().stream().filter(period -> period.periodId().equals(periodId)).findFirst();
    }

    public List<ItemView> items(String periodId) {
        Map<String, String> names = organisationNames();
        return reads.items(periodId).stream().map(i -> new ItemView(i.periodId(), i.number(), i.title(), i.area(),
                i.newInPeriod(), i.status(), named(i.leadOrganisations(), names),
                named(i.participatingOrganisations(), names))).toList();
    }

    public Optional<ItemView> item(String periodId, int number) {
        return items(periodId).stream().filter(item -> item.number() == number).findFirst();
    }

    /** The item's activities in date order; an activity with no stated date sorts by its plan period. */
    public List<ActivityView> activities(String periodId, int itemNumber) {
        Map<String, String> names = organisationNames();
        return reads.activities(periodId, itemNumber).stream().map(a -> new ActivityView(a.activityId(), a.item(),
                a.kind().name(), a.title(), named(a.organisers(), names), named(a.supporters(), names),
                a.mode().name(), a.date(), a.retracted())).toList();
    }

    /** The period's figures, those of items by item and then the facts of the plan period itself. */
    public List<FigureView> figures(String periodId) {
        return reads.figures(periodId).stream().map(DashboardQueries::figure).toList();
    }

    public List<FigureView> figures(String periodId, int itemNumber) {
        return reads.figures(periodId, itemNumber).stream().map(DashboardQueries::figure).toList();
    }

    /** The facts of each programme itself, in no plan period, by programme name. */
    public Map<String, List<FigureView>> programmeFacts() {
        Map<String, List<FigureView>> facts = new LinkedHashMap<>();
        for (ViewReads.Programme programme : reads.programmes()) {
            List<FigureView> ofProgramme = reads.programmeFigures(programme.programmeId()).stream()
                    .map(DashboardQueries::figure).toList();
            if (!ofProgramme.isEmpty()) {
                facts.put(programme.name(), ofProgramme);
            }
        }
        return facts;
    }

    /** The facts of a plan period that belong to no item of it. */
    public List<FigureView> periodFacts(String periodId) {
        return figures(periodId).stream().filter(figure -> !figure.ofAnItem()).toList();
    }

    /** The figures of a metric that stand (retracted ones left out) and have a date, in the order of their days. */
    public List<FigureView> figuresOf(String metric) {
        return reads.datedFiguresOf(metric).stream().map(DashboardQueries::figure).toList();
    }

    private static FigureView figure(ViewReads.Figure f) {
        return new FigureView(f.figureId(), f.item() == null ? 0 : f.item(), f.activityId(), f.metric(), f.value(),
                f.unit(), f.qualifier(), f.side(), f.extent(), f.basis().name(), f.corrected(), f.retracted(),
                f.valueHigh(), f.aggregation(), f.partOf(), f.disputed(), f.scope(), source(f.source()),
                f.dateLabel(), f.values().stream().map(v -> new FigureValue(Bound.stated(v.qualifier().name(),
                        v.value(), v.valueHigh()), source(v.source()), v.adopted(), v.adoptedReason())).toList());
    }

    private static FigureSource source(ViewReads.Source s) {
        return new FigureSource(s.text(), s.document(), s.date(), s.location(), s.link());
    }

    /** "Name (ABBR)" by organisation id. */
    private Map<String, String> organisationNames() {
        return reads.organisations().stream().collect(Collectors.toMap(ViewReads.Organisation::organisationId,
                ViewReads.Organisation::label));
    }

    private static List<String> named(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, id)).toList();
    }
}
