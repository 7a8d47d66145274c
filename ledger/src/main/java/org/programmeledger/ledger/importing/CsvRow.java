package org.programmeledger.ledger.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.LedgerIds;
import org.programmeledger.ledger.api.SourceReference;

/** One data row of an import file, with typed reads that name the column when a value is bad. */
final class CsvRow {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}(\\.\\d{1,6})?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    /** Digits, with decimals or not, however many: a number too long for NUMBER or WHOLE is said to be so. */
    private static final Pattern DIGITS = Pattern.compile("\\d+(\\.\\d+)?");
    static final int MAX_TEXT = 4000;
    /** The command API's limits for these columns, which the registry and the views are built for. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry("programme_id", 255), Map.entry("organisation_id", 255), Map.entry("period_id", 255),
            Map.entry("activity_id", 255), Map.entry("figure_id", 255), Map.entry("abbreviation", 255),
            Map.entry("label", 255), Map.entry("area", 255), Map.entry("metric", 255), Map.entry("unit", 255),
            Map.entry("name", 1000), Map.entry("metric_id", 255), Map.entry("part_of", 255),
            Map.entry("date_label", 255), Map.entry("source_document", 1000), Map.entry("source_date", 32),
            Map.entry("source_location", 255), Map.entry("source_link", 2000));
    private static final Pattern SOURCE_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final CSVRecord record;

    CsvRow(CSVRecord record) {
        this.record = record;
    }

    /** Text of a column, trimmed; empty when the cell is empty or the file has no such (optional) column. */
    String text(String column) {
        String value = record.isMapped(column) ? record.get(column).trim() : "";
        int max = MAX_LENGTHS.getOrDefault(column, MAX_TEXT);
        if (value.length() > max) {
            throw bad(column, "is longer than " + max + " characters");
        }
        return value;
    }

    String required(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw bad(column, "is empty");
        }
        return value;
    }

    /** An identifier, checked against {@link LedgerIds}' rule. */
    String id(String column) {
        return checkedId(column, required(column));
    }

    /** An identifier, or empty when the cell is. */
    String optionalId(String column) {
        String value = text(column);
        return value.isEmpty() ? value : checkedId(column, value);
    }

    private static String checkedId(String column, String id) {
        if (!LedgerIds.valid(id)) {
            throw bad(column, "'" + abbreviated(id) + "' " + LedgerIds.RULE);
        }
        return id;
    }

    private static String abbreviated(String id) {
        return id.length() > 40 ? id.substring(0, 40) + "..." : id;
    }

    int whole(String column) {
        String value = required(column);
        if (!WHOLE.matcher(value).matches()) {
            throw bad(column, "'" + value + "' is " + (value.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? "too large a whole number (at most 999999999)" : "not a whole number"));
        }
        return Integer.parseInt(value);
    }

    /** A whole number, or null when the cell is empty. */
    Integer optionalWhole(String column) {
        return text(column).isEmpty() ? null : whole(column);
    }

    /** A number, or null when the cell is empty. */
    BigDecimal optionalNumber(String column) {
        return text(column).isEmpty() ? null : number(column);
    }

    /** The optional parts of a source's reference: document, date, page or paragraph, link. */
    SourceReference sourceReference() {
        String date = text("source_date");
        if (!date.isEmpty()) {
            try {
                Extent.parse(date);
            } catch (IllegalArgumentException e) {
                throw bad("source_date", e.getMessage());
            }
            if (!SOURCE_DATE.matcher(date).matches()) {
                throw bad("source_date", "'" + date + "' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY");
            }
        }
        String link = text("source_link");
        if (!link.isEmpty() && !link.startsWith("https://") && !link.startsWith("http://")) {
            throw bad("source_link", "'" + link + "' is not a web address (http:// or https://)");
        }
        return SourceReference.of(text("source_document"), date, text("source_location"), link);
    }

    BigDecimal number(String column) {
        String value = required(column);
        if (!NUMBER.matcher(value).matches()) {
            throw bad(column, DIGITS.matcher(value).matches()
                    ? "'" + value + "' has more digits than a figure holds: at most 18 before the '.' and 6 after it"
                    : "'" + value + "' is not a number; write digits only, with a '.' for decimals "
                            + "(1268, not 1 268 or 1,268; negative values are not figures)");
        }
        return new BigDecimal(value);
    }

    LocalDate date(String column) {
        String value = required(column);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(column, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    boolean yesNo(String column) {
        String value = required(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw bad(column, "'" + value + "' is neither yes nor no");
        };
    }

    /** A semicolon-separated list of identifiers. */
    List<String> ids(String column) {
        String value = text(column);
        List<String> ids = value.isEmpty() ? List.of()
                : Arrays.stream(value.split(";")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        ids.forEach(id -> checkedId(column, id));
        return ids;
    }

    Extent extent(String column) {
        try {
            return Extent.parse(text(column));
        } catch (IllegalArgumentException e) {
            throw bad(column, e.getMessage());
        }
    }

    <T> T code(String column, Function<String, T> parser) {
        try {
            return parser.apply(required(column));
        } catch (IllegalArgumentException e) {
            if (e instanceof BadCell) {
                throw e;
            }
            throw bad(column, e.getMessage());
        }
    }

    static BadCell bad(String column, String problem) {
        return new BadCell(column + ": " + problem);
    }

    /** A cell that cannot become part of a command. */
    static final class BadCell extends IllegalArgumentException {
        BadCell(String message) {
            super(message);
        }
    }
}
