package org.programmeledger.ledger.metric;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AmendMetric;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.MetricAmended;
import org.programmeledger.ledger.api.MetricDefined;
import org.programmeledger.ledger.rules.Rules;

/** A metric of the catalogue: what its figures count, in which units, and how they may be combined. */
@Aggregate
public class Metric {

    @AggregateIdentifier
    private String catalogueEntry;
    /** As first defined, so that re-importing the catalogue's file changes nothing after an amendment. */
    private MetricDefined definition;
    private MetricAmended current;

    protected Metric() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(DefineMetric command) {
        Rules.requireText(command.metricId(), "metric id");
        Rules.requireText(command.label(), "the label of metric " + command.metricId());
        List<String> units = requireUnits(command.metricId(), command.units());
        Rules.require(command.aggregation() != null, "how metric " + command.metricId() + " aggregates is required");
        MetricDefined wanted = new MetricDefined(command.metricId().trim(), command.label().trim(), units,
                command.aggregation(), command.chartable(), blankToNull(command.description()), command.source());
        if (catalogueEntry == null) {
            apply(wanted);
        } else if (!definition.equals(wanted)) {
            throw new LedgerRuleViolation("metric " + command.metricId()
                    + " is already in the catalogue with other details; amend it instead");
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AmendMetric command) {
        Rules.requireText(command.reason(), "the reason for amending metric " + command.metricId());
        Rules.requireText(command.label(), "the label of metric " + command.metricId());
        Rules.require(command.aggregation() != null, "how metric " + command.metricId() + " aggregates is required");
        Rules.require(current.aggregation() != Aggregation.CUMULATIVE || command.aggregation() != Aggregation.SUM,
                "metric " + command.metricId() + " is a running total: its figures are recorded as running totals "
                        + "(basis cumulative), which are never added, so it cannot become sum; record flows under "
                        + "another metric");
        Rules.require(current.aggregation() != Aggregation.SUM || command.aggregation() != Aggregation.CUMULATIVE,
                "metric " + command.metricId() + " adds up within a period: its figures are flows (basis flow), "
                        + "not running totals, so it cannot become cumulative; record running totals under another "
                        + "metric");
        List<String> amended = requireUnits(command.metricId(), command.units());
        List<String> dropped = current.units().stream().filter(unit -> !amended.contains(unit)).toList();
        Rules.require(dropped.isEmpty(), "metric " + command.metricId() + " keeps its unit(s) " + dropped
                + ", since figures may be recorded in them; units are only added");
        MetricAmended wanted = new MetricAmended(definition.metricId(), command.label().trim(), amended,
                command.aggregation(), command.chartable(), blankToNull(command.description()), command.reason().trim());
        Rules.require(!wanted.equals(new MetricAmended(current.metricId(), current.label(), current.units(),
                        current.aggregation(), current.chartable(), current.description(), wanted.reason())),
                "metric " + command.metricId() + " already reads so");
        apply(wanted);
        return AggregateLifecycle.getVersion();
    }

    private static List<String> requireUnits(String metricId, List<String> units) {
        List<String> trimmed = units == null ? List.of()
                : units.stream().map(String::trim).filter(unit -> !unit.isEmpty()).distinct().toList();
        Rules.require(!trimmed.isEmpty(), "metric " + metricId + " needs at least one unit");
        return trimmed;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @EventSourcingHandler
    void on(MetricDefined event) {
        catalogueEntry = MetricDefined.catalogueEntry(event.metricId());
        definition = event;
        current = new MetricAmended(event.metricId(), event.label(), event.units(), event.aggregation(),
                event.chartable(), event.description(), null);
    }

    @EventSourcingHandler
    void on(MetricAmended event) {
        current = event;
    }
}
