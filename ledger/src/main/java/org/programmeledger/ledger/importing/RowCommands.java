package org.programmeledger.ledger.importing;

import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.AdoptProgrammeValue;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordProgrammeAlternativeValue;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.ImportFormat;

/** The command each kind of import file's row records (docs/import-format.md). */
final class RowCommands {

    private RowCommands() {
    }

    static Object toCommand(ImportFormat format, CsvRow row) {
        return switch (format) {
            case METRICS -> new DefineMetric(row.id("metric_id"), row.required("label"), row.ids("units"),
                    row.code("aggregation", Aggregation::fromCode), row.yesNo("chartable"), row.text("description"),
                    row.required("source"));
            case PROGRAMMES -> new EstablishProgramme(row.id("programme_id"), row.required("name"));
            case ORGANISATIONS -> new RegisterOrganisation(row.id("organisation_id"), row.required("name"),
                    row.text("abbreviation"), row.code("side", Side::fromCode));
            case PLAN_PERIODS -> new OpenPlanPeriod(row.id("period_id"), row.id("programme_id"),
                    row.required("label"), row.date("starts_on"), row.date("ends_on"));
            case ITEMS -> new RegisterItem(row.id("period_id"), row.whole("item"), row.required("title"),
                    row.text("area"), row.yesNo("new_in_period"), row.ids("lead_organisations"),
                    row.ids("participating_organisations"), row.required("source"));
            case ACTIVITIES -> new RecordActivity(row.id("period_id"), row.id("activity_id"), row.whole("item"),
                    row.code("kind", ActivityKind::fromCode), row.required("title"), row.ids("organisers"),
                    row.ids("supporters"), row.code("mode", ActivityMode::fromCode), row.extent("date"),
                    row.required("source"));
            case FIGURES -> new RecordFigure(row.id("period_id"), row.id("figure_id"), row.optionalWhole("item"),
                    row.optionalId("activity_id"), row.required("metric"), row.number("value"),
                    row.optionalNumber("value_high"), row.required("unit"), row.code("qualifier", Qualifier::fromCode),
                    row.code("side", Side::fromCode), row.extent("extent"), row.text("date_label"),
                    row.code("basis", Basis::fromCode), row.optionalId("part_of"), row.required("source"),
                    row.sourceReference());
            case PROGRAMME_FIGURES -> new RecordProgrammeFigure(row.id("programme_id"), row.id("figure_id"),
                    row.required("metric"), row.number("value"), row.optionalNumber("value_high"),
                    row.required("unit"), row.code("qualifier", Qualifier::fromCode), row.code("side", Side::fromCode),
                    row.extent("extent"), row.text("date_label"), row.code("basis", Basis::fromCode),
                    row.optionalId("part_of"), row.required("source"), row.sourceReference());
            case ALTERNATIVE_VALUES -> new RecordAlternativeValue(row.id("period_id"), row.id("figure_id"),
                    row.number("value"), row.optionalNumber("value_high"), row.code("qualifier", Qualifier::fromCode),
                    row.required("source"), row.sourceReference());
            case ADOPTIONS -> new AdoptValue(row.id("period_id"), row.id("figure_id"), row.whole("value_number"),
                    row.required("reason"));
            case PROGRAMME_ALTERNATIVE_VALUES -> new RecordProgrammeAlternativeValue(row.id("programme_id"),
                    row.id("figure_id"), row.number("value"), row.optionalNumber("value_high"),
                    row.code("qualifier", Qualifier::fromCode), row.required("source"), row.sourceReference());
            case PROGRAMME_ADOPTIONS -> new AdoptProgrammeValue(row.id("programme_id"), row.id("figure_id"),
                    row.whole("value_number"), row.required("reason"));
            case ITEM_COMPLETIONS -> new CompleteItem(row.id("period_id"), row.whole("item"));
        };
    }
}
