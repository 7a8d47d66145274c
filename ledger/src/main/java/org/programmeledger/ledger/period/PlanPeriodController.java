package org.programmeledger.ledger.period;

import static org.programmeledger.ledger.service.Answers.resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.AmendItem;
import org.programmeledger.ledger.api.ApprovePeriod;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.LedgerIds;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.api.ReturnPeriod;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.SubmitPeriod;
import org.programmeledger.ledger.service.Answers;
import org.programmeledger.ledger.web.Coded;
import org.programmeledger.ledger.web.SourceFields;
import org.programmeledger.ledger.web.CommandSender;
import org.programmeledger.ledger.web.Fields;
import org.programmeledger.ledger.web.LedgerId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The secretariat's commands on a plan period. Every answer carries the period's version (also as
 * ETag); send it back as If-Match to be refused with 409 when someone else changed the period since.
 */
@RestController
@Tag(name = "plan periods")
class PlanPeriodController {

    private static final String PERIODS = "/api/plan-periods";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IF_MATCH = "If-Match";

    private final CommandSender sender;

    PlanPeriodController(CommandSender sender) {
        this.sender = sender;
    }

    /** The import format's limit, which the views and the outputs are built for. */
    private static final String FIGURE_DIGITS = "a figure has at most 18 digits before the point and 6 after";

    record NewPlanPeriod(@NotNull @LedgerId String periodId, @NotNull @LedgerId String programmeId,
                         @NotBlank @Size(max = 255) String label, @NotNull LocalDate startsOn,
                         @NotNull LocalDate endsOn) {
    }

    record NewItem(@NotNull @Positive Integer number, @NotBlank @Size(max = 4000) String title,
                   @Size(max = 255) String area, boolean newInPeriod,
                   List<@NotNull @LedgerId String> leadOrganisations,
                   List<@NotNull @LedgerId String> participatingOrganisations,
                   @NotBlank @Size(max = 4000) String source) {
    }

    record ItemAmendment(@Size(max = 4000) String title, @Size(max = 255) String area,
                         @NotBlank @Size(max = 4000) String reason) {
    }

    /** @param date as in the import format: 2020-12, 2021, 2021-04/2021-05, or empty when unstated */
    record NewActivity(@NotNull @LedgerId String activityId, @NotNull @Positive Integer item,
                       @Coded(ActivityKind.class) @NotBlank String kind, @NotBlank @Size(max = 4000) String title,
                       List<@NotNull @LedgerId String> organisers,
                       List<@NotNull @LedgerId String> supporters, @Coded(ActivityMode.class) @NotBlank String mode,
                       @Coded(Extent.class) @Size(max = 64) String date, @NotBlank @Size(max = 4000) String source) {
    }

    record Retraction(@NotBlank @Size(max = 4000) String reason) {
    }

    /** A figure; without an item it is a figure of the plan period itself. */
    record NewFigure(@NotNull @LedgerId String figureId, @Positive Integer item,
                     @Pattern(regexp = "|" + LedgerIds.PATTERN, message = LedgerIds.RULE) String activityId,
                     @NotBlank @Size(max = 255) String metric,
                     @NotNull @PositiveOrZero @Digits(integer = 18, fraction = 6, message = FIGURE_DIGITS)
                     BigDecimal value,
                     @PositiveOrZero @Digits(integer = 18, fraction = 6, message = FIGURE_DIGITS) BigDecimal valueHigh,
                     @NotBlank @Size(max = 255) String unit,
                     @Coded(Qualifier.class) @NotBlank String qualifier, @Coded(Side.class) @NotBlank String side,
                     @Coded(Extent.class) @Size(max = 64) String extent,
                     @Size(max = 255) String dateLabel, @Coded(Basis.class) @NotBlank String basis,
                     @Pattern(regexp = "|" + LedgerIds.PATTERN, message = LedgerIds.RULE) String partOf,
                     @NotBlank @Size(max = 4000) String source, @Valid SourceFields sourceReference) {
    }

    /** Another source's value of a figure, recorded beside the others. */
    record OtherValue(@NotNull @PositiveOrZero @Digits(integer = 18, fraction = 6, message = FIGURE_DIGITS)
                      BigDecimal value,
                      @PositiveOrZero @Digits(integer = 18, fraction = 6, message = FIGURE_DIGITS) BigDecimal valueHigh,
                      @Coded(Qualifier.class) @NotBlank String qualifier, @NotBlank @Size(max = 4000) String source,
                      @Valid SourceFields sourceReference) {
    }

    record Adoption(@NotNull @PositiveOrZero Integer valueNumber, @NotBlank @Size(max = 4000) String reason) {
    }

    /** A comment on a step of the publication workflow; returning a submission needs one. */
    record StepComment(@Size(max = 4000) String comment) {
    }

    record Correction(@NotNull @PositiveOrZero @Digits(integer = 18, fraction = 6, message = FIGURE_DIGITS)
                      BigDecimal value,
                      @PositiveOrZero @Digits(integer = 18, fraction = 6, message = FIGURE_DIGITS) BigDecimal valueHigh,
                      @Coded(Qualifier.class) @NotBlank String qualifier,
                      @NotBlank @Size(max = 4000) String reason) {
    }

    @Operation(summary = "Open a plan period of a programme")
    @PostMapping(PERIODS)
    ResponseEntity<String> open(@Valid @RequestBody NewPlanPeriod body,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new OpenPlanPeriod(body.periodId(), body.programmeId(), body.label(), body.startsOn(),
                body.endsOn()), null, key,
                version -> Answers.created(resource(PERIODS, body.periodId()), version));
    }

    @Operation(summary = "Register a numbered item in a plan period")
    @PostMapping(PERIODS + "/{periodId}/items")
    ResponseEntity<String> registerItem(@PathVariable String periodId, @Valid @RequestBody NewItem body,
                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new RegisterItem(periodId, body.number(), body.title(), body.area(), body.newInPeriod(),
                        body.leadOrganisations(), body.participatingOrganisations(), body.source()),
                Answers.expectedVersion(ifMatch), key,
                version -> Answers.created(resource(PERIODS, periodId, "items", body.number()), version));
    }

    @Operation(summary = "Amend an item's title or area, giving the reason")
    @PostMapping(PERIODS + "/{periodId}/items/{number}/amendments")
    ResponseEntity<String> amendItem(@PathVariable String periodId, @PathVariable int number,
                                     @Valid @RequestBody ItemAmendment body,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                     @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new AmendItem(periodId, number, body.title(), body.area(), body.reason()),
                Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId, "items", number), version));
    }

    @Operation(summary = "Complete an item; it then takes no new activities")
    @PostMapping(PERIODS + "/{periodId}/items/{number}/completion")
    ResponseEntity<String> completeItem(@PathVariable String periodId, @PathVariable int number,
                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new CompleteItem(periodId, number), Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId, "items", number), version));
    }

    @Operation(summary = "Record an activity under an item")
    @PostMapping(PERIODS + "/{periodId}/activities")
    ResponseEntity<String> recordActivity(@PathVariable String periodId, @Valid @RequestBody NewActivity body,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        Fields fields = new Fields();
        RecordActivity command = new RecordActivity(periodId, body.activityId(), body.item(),
                fields.code("kind", body.kind(), ActivityKind::fromCode), body.title(), body.organisers(),
                body.supporters(), fields.code("mode", body.mode(), ActivityMode::fromCode),
                fields.extent("date", body.date()), body.source());
        fields.check();
        return sender.send(command, Answers.expectedVersion(ifMatch), key,
                version -> Answers.created(resource(PERIODS, periodId, "activities", body.activityId()), version));
    }

    @Operation(summary = "Retract an activity recorded in error, giving the reason")
    @PostMapping(PERIODS + "/{periodId}/activities/{activityId}/retraction")
    ResponseEntity<String> retractActivity(@PathVariable String periodId, @PathVariable String activityId,
                                           @Valid @RequestBody Retraction body,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new RetractActivity(periodId, activityId, body.reason()), Answers.expectedVersion(ifMatch),
                key, version -> Answers.done(resource(PERIODS, periodId, "activities", activityId), version));
    }

    @Operation(summary = "Record a figure of an item, of one of its activities, or of the plan period itself")
    @PostMapping(PERIODS + "/{periodId}/figures")
    ResponseEntity<String> recordFigure(@PathVariable String periodId, @Valid @RequestBody NewFigure body,
                                        @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        Fields fields = new Fields();
        RecordFigure command = new RecordFigure(periodId, body.figureId(), body.item(), body.activityId(),
                body.metric(), body.value(), body.valueHigh(), body.unit(),
                fields.code("qualifier", body.qualifier(), Qualifier::fromCode),
                fields.code("side", body.side(), Side::fromCode), fields.extent("extent", body.extent()),
                body.dateLabel(), fields.code("basis", body.basis(), Basis::fromCode), body.partOf(), body.source(),
                SourceFields.of(body.sourceReference()));
        fields.check();
        return sender.send(command, Answers.expectedVersion(ifMatch), key,
                version -> Answers.created(resource(PERIODS, periodId, "figures", body.figureId()), version));
    }

    @Operation(summary = "Correct a figure's value, giving the reason")
    @PostMapping(PERIODS + "/{periodId}/figures/{figureId}/corrections")
    ResponseEntity<String> correctFigure(@PathVariable String periodId, @PathVariable String figureId,
                                         @Valid @RequestBody Correction body,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        Fields fields = new Fields();
        CorrectFigure command = new CorrectFigure(periodId, figureId, body.value(), body.valueHigh(),
                fields.code("qualifier", body.qualifier(), Qualifier::fromCode), body.reason());
        fields.check();
        return sender.send(command, Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId, "figures", figureId), version));
    }

    @Operation(summary = "Record another source's value of a figure beside the others; the figure is disputed "
            + "until one is adopted")
    @PostMapping(PERIODS + "/{periodId}/figures/{figureId}/values")
    ResponseEntity<String> recordOtherValue(@PathVariable String periodId, @PathVariable String figureId,
                                            @Valid @RequestBody OtherValue body,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        Fields fields = new Fields();
        RecordAlternativeValue command = new RecordAlternativeValue(periodId, figureId, body.value(),
                body.valueHigh(), fields.code("qualifier", body.qualifier(), Qualifier::fromCode), body.source(),
                SourceFields.of(body.sourceReference()));
        fields.check();
        return sender.send(command, Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId, "figures", figureId), version));
    }

    @Operation(summary = "Adopt one of a disputed figure's values (0 is the one first recorded), giving the reason")
    @PostMapping(PERIODS + "/{periodId}/figures/{figureId}/adoption")
    ResponseEntity<String> adoptValue(@PathVariable String periodId, @PathVariable String figureId,
                                      @Valid @RequestBody Adoption body,
                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new AdoptValue(periodId, figureId, body.valueNumber(), body.reason()),
                Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId, "figures", figureId), version));
    }

    @Operation(summary = "Submit the period's figures for approval (SECRETARIAT)")
    @PostMapping(PERIODS + "/{periodId}/submission")
    ResponseEntity<String> submit(@PathVariable String periodId, @Valid @RequestBody(required = false) StepComment body,
                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new SubmitPeriod(periodId, comment(body)), Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId), version));
    }

    @Operation(summary = "Approve the submitted figures, unchanged since their submission (APPROVER)")
    @PostMapping(PERIODS + "/{periodId}/approval")
    ResponseEntity<String> approve(@PathVariable String periodId, @Valid @RequestBody(required = false) StepComment body,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new ApprovePeriod(periodId, comment(body)), Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId), version));
    }

    @Operation(summary = "Return a submission for changes, saying which (APPROVER)")
    @PostMapping(PERIODS + "/{periodId}/return")
    ResponseEntity<String> giveBack(@PathVariable String periodId, @Valid @RequestBody StepComment body,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return sender.send(new ReturnPeriod(periodId, comment(body)), Answers.expectedVersion(ifMatch), key,
                version -> Answers.done(resource(PERIODS, periodId), version));
    }

    private static String comment(StepComment body) {
        return body == null ? null : body.comment();
    }
}
