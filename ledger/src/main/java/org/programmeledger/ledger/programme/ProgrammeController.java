package org.programmeledger.ledger.programme;

import static org.programmeledger.ledger.service.Answers.resource;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.AdoptProgrammeValue;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.LedgerIds;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordProgrammeAlternativeValue;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.Answers;
import org.programmeledger.ledger.web.Coded;
import org.programmeledger.ledger.web.CommandSender;
import org.programmeledger.ledger.web.LedgerId;
import org.programmeledger.ledger.web.Fields;
import org.programmeledger.ledger.web.SourceFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgrammeController {

    private final CommandSender sender;

    ProgrammeController(CommandSender sender) {
        this.sender = sender;
    }

    record NewProgramme(@NotNull @LedgerId String programmeId, @NotBlank @Size(max = 1000) String name) {
    }

    /** A fact of the programme itself, in no plan period; an empty extent stays undated, dateLabel places it. */
    record NewProgrammeFigure(@NotNull @LedgerId String figureId, @NotBlank @Size(max = 255) String metric,
                              @NotNull @PositiveOrZero @Digits(integer = 18, fraction = 6) BigDecimal value,
                              @PositiveOrZero @Digits(integer = 18, fraction = 6) BigDecimal valueHigh,
                              @NotBlank @Size(max = 255) String unit,
                              @Coded(Qualifier.class) @NotBlank String qualifier,
                              @Coded(Side.class) @NotBlank String side,
                              @Coded(Extent.class) @Size(max = 64) String extent,
                              @Size(max = 255) String dateLabel, @Coded(Basis.class) @NotBlank String basis,
                              @Pattern(regexp = "|" + LedgerIds.PATTERN, message = LedgerIds.RULE) String partOf,
                              @NotBlank @Size(max = 4000) String source,
                              @Valid SourceFields sourceReference) {
    }

    @Operation(summary = "Record a fact of the programme itself: a meeting, an endorsement, a total")
    @PostMapping("/api/programmes/{programmeId}/figures")
    ResponseEntity<String> recordFigure(@PathVariable String programmeId, @Valid @RequestBody NewProgrammeFigure body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Fields fields = new Fields();
        RecordProgrammeFigure command = new RecordProgrammeFigure(programmeId, body.figureId(), body.metric(),
                body.value(), body.valueHigh(), body.unit(),
                fields.code("qualifier", body.qualifier(), Qualifier::fromCode),
                fields.code("side", body.side(), Side::fromCode), fields.extent("extent", body.extent()),
                body.dateLabel(), fields.code("basis", body.basis(), Basis::fromCode), body.partOf(), body.source(),
                SourceFields.of(body.sourceReference()));
        fields.check();
        return sender.send(command, null, key,
                version -> Answers.created(resource("/api/programmes", programmeId, "figures", body.figureId()), version));
    }

    /** Another source's value of a fact of the programme, recorded beside the others. */
    record OtherValue(@NotNull @PositiveOrZero @Digits(integer = 18, fraction = 6) BigDecimal value,
                      @PositiveOrZero @Digits(integer = 18, fraction = 6) BigDecimal valueHigh,
                      @Coded(Qualifier.class) @NotBlank String qualifier, @NotBlank @Size(max = 4000) String source,
                      @Valid SourceFields sourceReference) {
    }

    record Adoption(@NotNull @PositiveOrZero Integer valueNumber, @NotBlank @Size(max = 4000) String reason) {
    }

    @Operation(summary = "Record another source's value of a fact of the programme beside the others; the fact is "
            + "disputed until one is adopted")
    @PostMapping("/api/programmes/{programmeId}/figures/{figureId}/values")
    ResponseEntity<String> recordOtherValue(@PathVariable String programmeId, @PathVariable String figureId,
                                            @Valid @RequestBody OtherValue body,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Fields fields = new Fields();
        RecordProgrammeAlternativeValue command = new RecordProgrammeAlternativeValue(programmeId, figureId,
                body.value(), body.valueHigh(), fields.code("qualifier", body.qualifier(), Qualifier::fromCode),
                body.source(), SourceFields.of(body.sourceReference()));
        fields.check();
        return sender.send(command, null, key,
                version -> Answers.done(resource("/api/programmes", programmeId, "figures", figureId), version));
    }

    @Operation(summary = "Adopt one of a disputed programme fact's values (0 is the one first recorded), giving "
            + "the reason")
    @PostMapping("/api/programmes/{programmeId}/figures/{figureId}/adoption")
    ResponseEntity<String> adoptValue(@PathVariable String programmeId, @PathVariable String figureId,
                                      @Valid @RequestBody Adoption body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return sender.send(new AdoptProgrammeValue(programmeId, figureId, body.valueNumber(), body.reason()), null,
                key, version -> Answers.done(resource("/api/programmes", programmeId, "figures", figureId), version));
    }

    @Operation(summary = "Establish a programme")
    @PostMapping("/api/programmes")
    ResponseEntity<String> establish(@Valid @RequestBody NewProgramme body,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return sender.send(new EstablishProgramme(body.programmeId(), body.name()), null, key,
                version -> Answers.created(resource("/api/programmes", body.programmeId()), version));
    }
}
