package org.programmeledger.ledger.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The time a date, an activity or a figure covers, with the precision the source gave it.
 * Written as text the way the import format takes it: {@code 2020-12-05}, {@code 2020-12}, {@code 2020},
 * {@code 2020-04/2021-05} for a range, and nothing when the source states no date.
 * An unstated extent carries no bounds until the ledger places it in its plan period.
 */
public record Extent(LocalDate start, LocalDate end, DatePrecision precision) {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public static Extent unstated() {
        return new Extent(null, null, DatePrecision.UNSTATED);
    }

    public static Extent day(LocalDate day) {
        return new Extent(day, day, DatePrecision.DAY);
    }

    public static Extent month(YearMonth month) {
        return new Extent(month.atDay(1), month.atEndOfMonth(), DatePrecision.MONTH);
    }

    public static Extent year(int year) {
        return new Extent(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
    }

    public static Extent range(LocalDate start, LocalDate end) {
        return new Extent(start, end, DatePrecision.RANGE);
    }

    /** Parses the import format's text; an empty text is an unstated date. */
    public static Extent parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return unstated();
        }
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return single(trimmed);
        }
        Extent from = single(trimmed.substring(0, slash).trim());
        Extent to = single(trimmed.substring(slash + 1).trim());
        return range(from.start, to.end);
    }

    private static Extent single(String text) {
        try {
            if (DAY.matcher(text).matches()) {
                return day(LocalDate.parse(text));
            }
            if (MONTH.matcher(text).matches()) {
                return month(YearMonth.parse(text));
            }
            if (YEAR.matcher(text).matches()) {
                return year(Integer.parseInt(text));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date");
        }
        throw new IllegalArgumentException("'" + text
                + "' is not a date; write YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO (for example 2020-04/2021-05)");
    }

    /** True when a stated range ends before it starts. */
    public boolean endsBeforeItStarts() {
        return start != null && end != null && end.isBefore(start);
    }

    /** True when the whole extent lies inside [from, to]. */
    public boolean liesWithin(LocalDate from, LocalDate to) {
        return start != null && end != null && !start.isBefore(from) && !end.isAfter(to);
    }

    /** True when the extent shares at least one day with [from, to]. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return start != null && end != null && !start.isAfter(to) && !end.isBefore(from);
    }

    /** An unstated extent placed within the bounds of what it belongs to; any other extent as it is. */
    public Extent placedWithin(LocalDate from, LocalDate to) {
        return precision == DatePrecision.UNSTATED ? new Extent(from, to, DatePrecision.UNSTATED) : this;
    }

    /** The import format's text for this extent. */
    public String text() {
        return switch (precision) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case YEAR -> year(start);
            case RANGE -> endpoint(start) + "/" + endpoint(end);
            case UNSTATED -> "";
        };
    }

    /** The extent as a report would say it: "December 2020", "From April 2021 to May 2021". */
    public String describe() {
        return switch (precision) {
            case DAY -> start.getDayOfMonth() + " " + monthName(start) + " " + year(start);
            case MONTH -> monthName(start) + " " + year(start);
            case YEAR -> year(start);
            case RANGE -> "From " + spoken(start) + " to " + spoken(end);
            case UNSTATED -> "date not stated";
        };
    }

    /** The coarsest granularity that states both ends of a range exactly: years, months or days. */
    private int rangeGranularity() {
        boolean years = start.getDayOfYear() == 1 && end.getDayOfYear() == end.lengthOfYear();
        boolean months = start.getDayOfMonth() == 1 && end.getDayOfMonth() == end.lengthOfMonth();
        return years ? 4 : months ? 7 : 10;
    }

    private String endpoint(LocalDate date) {
        return date.toString().substring(0, rangeGranularity());
    }

    private String spoken(LocalDate date) {
        return switch (rangeGranularity()) {
            case 4 -> year(date);
            case 7 -> monthName(date) + " " + year(date);
            default -> date.getDayOfMonth() + " " + monthName(date) + " " + year(date);
        };
    }

    /** Four digits, as the import format writes a year: 0999 reads back, 999 would not. */
    private static String year(LocalDate date) {
        return String.format(Locale.ROOT, "%04d", date.getYear());
    }

    private static String monthName(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
