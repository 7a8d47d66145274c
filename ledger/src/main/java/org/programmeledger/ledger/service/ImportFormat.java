package org.programmeledger.ledger.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The import format: one CSV file per kind of record, recognised by its header row. Files are
 * recorded in this order, since later kinds name earlier ones. Every kind has a {@code source}
 * column that quotes the sentence of the source document the row comes from.
 * How each kind's rows become commands is the importer's ({@code importing/RowCommands}).
 */
public enum ImportFormat {
    METRICS("metric_id", "label", "units", "aggregation", "chartable", "description", "source"),
    PROGRAMMES("programme_id", "name", "source"),
    ORGANISATIONS("organisation_id", "name", "abbreviation", "side", "source"),
    PLAN_PERIODS("period_id", "programme_id", "label", "starts_on", "ends_on", "source"),
    ITEMS("period_id", "item", "title", "area", "new_in_period", "lead_organisations",
            "participating_organisations", "source"),
    ACTIVITIES("period_id", "activity_id", "item", "kind", "title", "organisers", "supporters", "mode", "date",
            "source"),
    FIGURES(List.of("period_id", "figure_id", "item", "activity_id", "metric", "value", "unit", "qualifier", "side",
                    "extent", "basis", "source"),
            List.of("value_high", "date_label", "part_of", "source_document", "source_date", "source_location",
                    "source_link")),
    PROGRAMME_FIGURES(List.of("programme_id", "figure_id", "metric", "value", "unit", "qualifier", "side", "extent",
                    "basis", "source"),
            List.of("value_high", "date_label", "part_of", "source_document", "source_date", "source_location",
                    "source_link")),
    ALTERNATIVE_VALUES(List.of("period_id", "figure_id", "value", "qualifier", "source"),
            List.of("value_high", "source_document", "source_date", "source_location", "source_link")),
    ADOPTIONS("period_id", "figure_id", "value_number", "reason"),
    PROGRAMME_ALTERNATIVE_VALUES(List.of("programme_id", "figure_id", "value", "qualifier", "source"),
            List.of("value_high", "source_document", "source_date", "source_location", "source_link")),
    PROGRAMME_ADOPTIONS("programme_id", "figure_id", "value_number", "reason"),
    ITEM_COMPLETIONS("period_id", "item", "source");

    private final List<String> columns;
    private final List<String> optionalColumns;

    ImportFormat(String... columns) {
        this(List.of(columns), List.of());
    }

    ImportFormat(List<String> columns, List<String> optionalColumns) {
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

    /** The format whose columns the header has, with none but its optional ones besides, in any order. */
    public static Optional<ImportFormat> ofHeader(List<String> header) {
        Set<String> given = new TreeSet<>(header);
        return Arrays.stream(values()).filter(format -> given.containsAll(format.columns)
                && format.columns.size() + format.optionalColumns.stream().filter(given::contains).count()
                == given.size()).findFirst();
    }
}
