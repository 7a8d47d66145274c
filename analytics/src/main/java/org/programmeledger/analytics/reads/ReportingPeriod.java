package org.programmeledger.analytics.reads;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A period that outputs are built for: its name in file names and CSV cells, and its inclusive bounds. */
public record ReportingPeriod(String name, LocalDate from, LocalDate to) {

    /** The calendar forms {@link #parse} accepts, for error messages and help texts. */
    public static final String FORMS = "a year (2021), a half-year (2021-H1), a quarter (2021-Q3), a month (2021-04)"
            + " or a range of days (2020-01-01..2021-06-30)";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public ReportingPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period " + name + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** A calendar period by name: {@value #FORMS}. */
    public static ReportingPeriod parse(String text) {
        String name = text.strip();
        try {
            Matcher m;
            if ((m = YEAR.matcher(name)).matches()) {
                return months(name, YearMonth.of(Integer.parseInt(m.group(1)), 1), 12);
            }
            if ((m = HALF.matcher(name)).matches()) {
                return months(name, YearMonth.of(Integer.parseInt(m.group(1)), 6 * Integer.parseInt(m.group(2)) - 5), 6);
            }
            if ((m = QUARTER.matcher(name)).matches()) {
                return months(name, YearMonth.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2), 3);
            }
            if ((m = MONTH.matcher(name)).matches()) {
                return months(name, YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), 1);
            }
            if ((m = RANGE.matcher(name)).matches()) {
                return new ReportingPeriod(name, LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + name + "' is not a valid period: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("'" + name + "' is not a period: give a plan period id, " + FORMS);
    }

    /** Whether a time extent lies wholly inside this period (only then does a figure count in it). */
    public boolean contains(LocalDate start, LocalDate end) {
        return !start.isBefore(from) && !end.isAfter(to);
    }

    private static ReportingPeriod months(String name, YearMonth first, int count) {
        return new ReportingPeriod(name, first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
    }
}
