package org.programmeledger.ledger.metric;

import static org.programmeledger.ledger.service.Answers.resource;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AmendMetric;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.service.Answers;
import org.programmeledger.ledger.web.Coded;
import org.programmeledger.ledger.web.LedgerId;
import org.programmeledger.ledger.web.CommandSender;
import org.programmeledger.ledger.web.Fields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Writes to the metric catalogue; the catalogue is read at GET /api/metrics (analytics). */
@RestController
class MetricController {

    private final CommandSender sender;

    MetricController(CommandSender sender) {
        this.sender = sender;
    }

    /** @param aggregation sum, cumulative, level, ratio or distinct */
    record NewMetric(@NotNull @LedgerId String metricId, @NotBlank @Size(max = 1000) String label,
                     @NotEmpty List<@NotBlank @Size(max = 255) String> units,
                     @Coded(Aggregation.class) @NotBlank String aggregation,
                     @NotNull Boolean chartable, @Size(max = 4000) String description,
                     @NotBlank @Size(max = 4000) String source) {
    }

    record MetricAmendment(@NotBlank @Size(max = 1000) String label,
                           @NotEmpty List<@NotBlank @Size(max = 255) String> units,
                           @Coded(Aggregation.class) @NotBlank String aggregation,
                           @NotNull Boolean chartable, @Size(max = 4000) String description,
                           @NotBlank @Size(max = 4000) String reason) {
    }

    @Operation(summary = "Add a metric to the catalogue")
    @PostMapping("/api/metrics")
    ResponseEntity<String> define(@Valid @RequestBody NewMetric body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Fields fields = new Fields();
        Aggregation aggregation = fields.code("aggregation", body.aggregation(), Aggregation::fromCode);
        fields.check();
        return sender.send(new DefineMetric(body.metricId(), body.label(), body.units(), aggregation,
                        body.chartable(), body.description(), body.source()), null, key,
                version -> Answers.created(resource("/api/metrics", body.metricId()), version));
    }

    @Operation(summary = "Amend a metric of the catalogue, giving the reason; units are only added")
    @PostMapping("/api/metrics/{metricId}/amendments")
    ResponseEntity<String> amend(@PathVariable String metricId, @Valid @RequestBody MetricAmendment body,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Fields fields = new Fields();
        Aggregation aggregation = fields.code("aggregation", body.aggregation(), Aggregation::fromCode);
        fields.check();
        return sender.send(new AmendMetric(metricId, body.label(), body.units(), aggregation, body.chartable(),
                        body.description(), body.reason()), null, key,
                version -> Answers.done(resource("/api/metrics", metricId), version));
    }
}
