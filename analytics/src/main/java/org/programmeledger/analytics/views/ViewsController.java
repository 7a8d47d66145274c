package org.programmeledger.analytics.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.programmeledger.analytics.reads.CatalogueMetric;
import org.programmeledger.analytics.reads.ViewPosition;
import org.programmeledger.analytics.reads.ViewReads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads of the ledger as it stands now, from the views ({@link ViewReads}). Each answer names the ledger position
 * the views had reached (header Ledger-Position); reads of a plan period carry its version as ETag.
 */
@RestController
@Tag(name = "reads")
class ViewsController {

    private static final String PERIODS = "/api/plan-periods";

    private final ViewReads reads;
    private final LedgerViews views;
    private final MetricCatalogue catalogue;

    ViewsController(ViewReads reads, LedgerViews views, MetricCatalogue catalogue) {
        this.reads = reads;
        this.views = views;
        this.catalogue = catalogue;
    }

    record Organisation(String organisationId, String name, String abbreviation, String side) {
    }

    record Period(String periodId, String programmeId, String label, LocalDate startsOn, LocalDate endsOn,
                  long version) {
    }

    record Item(String periodId, int number, String title, String area, boolean newInPeriod,
                List<String> leadOrganisations, List<String> participatingOrganisations, String status) {
    }

    record Activity(String periodId, String activityId, int item, String kind, String title, List<String> organisers,
                    List<String> supporters, String mode, LocalDate dateStart, LocalDate dateEnd, String datePrecision,
                    boolean retracted) {
    }

    /**
     * A figure as it reads now. {@code scope} is item, period or programme; {@code values} lists every source's
     * value when there is more than one, {@code disputed} while none of them is adopted.
     */
    record Figure(String periodId, String figureId, Integer item, String activityId, String metric, BigDecimal value,
                  String unit, String qualifier, String statedAs, String side, LocalDate extentStart,
                  LocalDate extentEnd, String extentPrecision, String basis, boolean corrected, boolean retracted,
                  BigDecimal valueHigh, String aggregation, String partOf, boolean disputed, String scope,
                  String dateLabel, Source source, List<Value> values) {
    }

    /** Where a value comes from: the quoted passage, and the document, its date, page or paragraph, and link. */
    record Source(String text, String document, String date, String location, String link) {
    }

    /** One source's value of a figure; number 0 is the one first recorded. */
    record Value(int number, BigDecimal value, BigDecimal valueHigh, String qualifier, String statedAs, Source source,
                 boolean adopted, String adoptedBecause) {
    }

    @Operation(summary = "The metric catalogue: units and how each metric's figures may be combined")
    @GetMapping("/api/metrics")
    ResponseEntity<List<CatalogueMetric>> metrics() {
        ViewPosition position = views.position();
        return answer(position, catalogue.metrics());
    }

    @Operation(summary = "Registered organisations")
    @GetMapping("/api/organisations")
    ResponseEntity<List<Organisation>> organisations() {
        ViewPosition position = views.position();
        return answer(position, reads.organisations().stream().map(o -> new Organisation(o.organisationId(),
                o.name(), o.abbreviation(), o.side().code())).toList());
    }

    @Operation(summary = "Plan periods")
    @GetMapping(PERIODS)
    ResponseEntity<List<Period>> periods() {
        ViewPosition position = views.position();
        return answer(position, reads.periods().stream().map(ViewsController::period).toList());
    }

    @Operation(summary = "A plan period, with its version (ETag)")
    @GetMapping(PERIODS + "/{periodId}")
    ResponseEntity<Period> period(@PathVariable String periodId) {
        ViewPosition position = views.position();
        Period period = period(found(reads.period(periodId), "plan period " + periodId));
        return ResponseEntity.ok().eTag("\"" + period.version() + "\"")
                .header("Ledger-Position", Long.toString(position.position())).body(period);
    }

    @Operation(summary = "The items of a plan period as they stand now")
    @GetMapping(PERIODS + "/{periodId}/items")
    ResponseEntity<List<Item>> items(@PathVariable String periodId) {
        ViewPosition position = views.position();
        return answer(position, reads.items(periodId).stream().map(ViewsController::item).toList());
    }

    @Operation(summary = "One item of a plan period")
    @GetMapping(PERIODS + "/{periodId}/items/{number}")
    ResponseEntity<Item> item(@PathVariable String periodId, @PathVariable int number) {
        ViewPosition position = views.position();
        return answer(position, item(found(reads.item(periodId, number), "item " + number + " of " + periodId)));
    }

    @Operation(summary = "The activities of a plan period, retracted ones marked")
    @GetMapping(PERIODS + "/{periodId}/activities")
    ResponseEntity<List<Activity>> activities(@PathVariable String periodId) {
        ViewPosition position = views.position();
        return answer(position, reads.activities(periodId).stream().map(ViewsController::activity).toList());
    }

    @Operation(summary = "One activity")
    @GetMapping(PERIODS + "/{periodId}/activities/{activityId}")
    ResponseEntity<Activity> activity(@PathVariable String periodId, @PathVariable String activityId) {
        ViewPosition position = views.position();
        return answer(position, activity(found(reads.activity(periodId, activityId),
                "activity " + activityId + " of " + periodId)));
    }

    @Operation(summary = "The figures of a plan period, corrections applied")
    @GetMapping(PERIODS + "/{periodId}/figures")
    ResponseEntity<List<Figure>> figures(@PathVariable String periodId) {
        ViewPosition position = views.position();
        return answer(position, reads.figures(periodId).stream().map(ViewsController::figure).toList());
    }

    @Operation(summary = "The facts of a programme itself, in no plan period")
    @GetMapping("/api/programmes/{programmeId}/figures")
    ResponseEntity<List<Figure>> programmeFigures(@PathVariable String programmeId) {
        ViewPosition position = views.position();
        return answer(position, reads.programmeFigures(programmeId).stream().map(ViewsController::figure).toList());
    }

    @Operation(summary = "One figure, corrections applied")
    @GetMapping(PERIODS + "/{periodId}/figures/{figureId}")
    ResponseEntity<Figure> figure(@PathVariable String periodId, @PathVariable String figureId) {
        ViewPosition position = views.position();
        return answer(position, figure(found(reads.figure(periodId, figureId),
                "figure " + figureId + " of " + periodId)));
    }

    private static <T> ResponseEntity<T> answer(ViewPosition position, T body) {
        return ResponseEntity.ok().header("Ledger-Position", Long.toString(position.position())).body(body);
    }

    private static <T> T found(Optional<T> read, String what) {
        return read.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, what + " is not in the ledger"));
    }

    private static Period period(ViewReads.Period p) {
        return new Period(p.periodId(), p.programmeId(), p.label(), p.startsOn(), p.endsOn(), p.version());
    }

    private static Item item(ViewReads.Item i) {
        return new Item(i.periodId(), i.number(), i.title(), i.area(), i.newInPeriod(), i.leadOrganisations(),
                i.participatingOrganisations(), i.status());
    }

    private static Activity activity(ViewReads.Activity a) {
        return new Activity(a.periodId(), a.activityId(), a.item(), a.kind().code(), a.title(), a.organisers(),
                a.supporters(), a.mode().code(), a.date().start(), a.date().end(),
                a.date().precision().name().toLowerCase(Locale.ROOT), a.retracted());
    }

    private static Figure figure(ViewReads.Figure f) {
        return new Figure(f.periodId(), f.figureId(), f.item(), f.activityId(), f.metric(), f.value(), f.unit(),
                f.qualifier().code(), f.qualifier().phrase(f.value(), f.valueHigh()), f.side().code(),
                f.extent().start(), f.extent().end(), f.extent().precision().name().toLowerCase(Locale.ROOT),
                f.basis().code(), f.corrected(), f.retracted(), f.valueHigh(), f.aggregation().code(), f.partOf(),
                f.disputed(), f.scope().code(), f.dateLabel(), source(f.source()),
                f.values().stream().map(v -> new Value(v.number(), v.value(), v.valueHigh(), v.qualifier().code(),
                        v.qualifier().phrase(v.value(), v.valueHigh()), source(v.source()), v.adopted(),
                        v.adoptedReason())).toList());
    }

    private static Source source(ViewReads.Source s) {
        return new Source(s.text(), s.document(), s.date(), s.location(), s.link());
    }
}
