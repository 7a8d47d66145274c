package org.programmeledger.ledger.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.AdoptProgrammeValue;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordProgrammeAlternativeValue;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;

/**
 * The import format: one CSV file per kind of record, recognised by its header row. Files are
 * recorded in this order, since later kinds name earlier ones. Every kind has a {@code source}
 * column that quotes the sentence of the source document the row comes from.
 */
public enum ImportFormat {
    METRICS(row -> new DefineMetric(row.id("metric_id"), row.required("label"), row.ids("units"),
            row.code("aggregation", Aggregation::fromCode), row.yesNo("chartable"), row.text("description"),
            row.required("source")),
            "metric_id", "label", "units", "aggregation", "chartable", "description", "source"),
    PROGRAMMES(row -> new EstablishProgramme(row.id("programme_id"), row.required("name")),
            "programme_id", "name", "source"),
    ORGANISATIONS(row -> new RegisterOrganisation(row.id("organisation_id"), row.required("name"),
            row.text("abbreviation"), row.code("side", Side::fromCode)),
            "organisation_id", "name", "abbreviation", "side", "source"),
    PLAN_PERIODS(row -> new OpenPlanPeriod(row.id("period_id"), row.id("programme_id"),
            row.required("label"), row.date("starts_on"), row.date("ends_on")),
            "period_id", "programme_id", "label", "starts_on", "ends_on", "source"),
    ITEMS(row -> new RegisterItem(row.id("period_id"), row.whole("item"), row.required("title"),
            row.text("area"), row.yesNo("new_in_period"), row.ids("lead_organisations"),
            row.ids("participating_organisations"), row.required("source")),
            "period_id", "item", "title", "area", "new_in_period", "lead_organisations",
            "participating_organisations", "source"),
    ACTIVITIES(row -> new RecordActivity(row.id("period_id"), row.id("activity_id"), row.whole("item"),
            row.code("kind", ActivityKind::fromCode), row.required("title"), row.ids("organisers"),
            row.ids("supporters"), row.code("mode", ActivityMode::fromCode), row.extent("date"),
            row.required("source")),
            "period_id", "activity_id", "item", "kind", "title", "organisers", "supporters", "mode", "date",
            "source"),
    FIGURES(row -> new RecordFigure(row.id("period_id"), row.id("figure_id"), row.optionalWhole("item"),
            row.optionalId("activity_id"), row.required("metric"), row.number("value"), row.optionalNumber("value_high"),
            row.required("unit"), row.code("qualifier", Qualifier::fromCode), row.code("side", Side::fromCode),
            row.extent("extent"), row.text("date_label"), row.code("basis", Basis::fromCode), row.optionalId("part_of"),
            row.required("source"), row.sourceReference()),
            List.of("period_id", "figure_id", "item", "activity_id", "metric", "value", "unit", "qualifier", "side",
                    "extent", "basis", "source"),
            List.of("value_high", "date_label", "part_of", "source_document", "source_date", "source_location",
                    "source_link")),
    PROGRAMME_FIGURES(row -> new RecordProgrammeFigure(row.id("programme_id"), row.id("figure_id"),
            row.required("metric"), row.number("value"), row.optionalNumber("value_high"), row.required("unit"),
            row.code("qualifier", Qualifier::fromCode), row.code("side", Side::fromCode), row.extent("extent"),
            row.text("date_label"), row.code("basis", Basis::fromCode), row.optionalId("part_of"), row.required("source"),
            row.sourceReference()),
            List.of("programme_id", "figure_id", "metric", "value", "unit", "qualifier", "side", "extent", "basis",
                    "source"),
            List.of("value_high", "date_label", "part_of", "source_document", "source_date", "source_location",
                    "source_link")),
    ALTERNATIVE_VALUES(row -> new RecordAlternativeValue(row.id("period_id"), row.id("figure_id"),
            row.number("value"), row.optionalNumber("value_high"), row.code("qualifier", Qualifier::fromCode),
            row.required("source"), row.sourceReference()),
            List.of("period_id", "figure_id", "value", "qualifier", "source"),
            List.of("value_high", "source_document", "source_date", "source_location", "source_link")),
    ADOPTIONS(row -> new AdoptValue(row.id("period_id"), row.id("figure_id"), row.whole("value_number"),
            row.required("reason")),
            "period_id", "figure_id", "value_number", "reason"),
    PROGRAMME_ALTERNATIVE_VALUES(row -> new RecordProgrammeAlternativeValue(row.id("programme_id"),
            row.id("figure_id"), row.number("value"), row.optionalNumber("value_high"),
            row.code("qualifier", Qualifier::fromCode), row.required("source"), row.sourceReference()),
            List.of("programme_id", "figure_id", "value", "qualifier", "source"),
            List.of("value_high", "source_document", "source_date", "source_location", "source_link")),
    PROGRAMME_ADOPTIONS(row -> new AdoptProgrammeValue(row.id("programme_id"), row.id("figure_id"),
            row.whole("value_number"), row.required("reason")),
            "programme_id", "figure_id", "value_number", "reason"),
    ITEM_COMPLETIONS(row -> new CompleteItem(row.id("period_id"), row.whole("item")),
            "period_id", "item", "source");

    private final Function<CsvRow, Object> toCommand;
    private final List<String> columns;
    private final List<String> optionalColumns;

    ImportFormat(Function<CsvRow, Object> toCommand, String... columns) {
        this(toCommand, List.of(columns), List.of());
    }

    ImportFormat(Function<CsvRow, Object> toCommand, List<String> columns, List<String> optionalColumns) {
        this.toCommand = toCommand;
        this.columns = columns;
        this.optionalColumns = optionalColumns;
    }

    /** The columns every file of this kind has. */
    public List<String> columns() {
        return columns;
    }

    /** The columns a file of this kind may add, empty cells where they do not apply. */
    public List<String> optionalColumns() {
        return optionalColumns;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The format of a {@link #label()}, or null for none (as an import answer names a file it cannot read). */
    public static ImportFormat ofLabel(String label) {
        return Arrays.stream(values()).filter(format -> format.label().equals(label)).findFirst().orElse(null);
    }

    Object toCommand(CsvRow row) {
        return toCommand.apply(row);
    }

    /** The format whose columns the header has, with none but its optional ones besides, in any order. */
    static Optional<ImportFormat> ofHeader(List<String> header) {
        Set<String> given = new TreeSet<>(header);
        return Arrays.stream(values()).filter(format -> given.containsAll(format.columns)
                && format.columns.size() + format.optionalColumns.stream().filter(given::contains).count()
                == given.size()).findFirst();
    }
}
