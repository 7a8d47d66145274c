package org.programmeledger.analytics.trend;

import java.time.LocalDate;
import java.util.Locale;
import org.programmeledger.analytics.reads.ReportingPeriod;

/** The calendar periods a trend series is counted in. */
public enum Bucket {
    YEAR, HALF, QUARTER;

    public static Bucket fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bucket '" + code + "' is not one of year, half, quarter", e);
        }
    }

    /** How many months a bucket holds. */
    public int months() {
        return switch (this) {
            case YEAR -> 12;
            case HALF -> 6;
            case QUARTER -> 3;
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bucket a day falls in, e.g. 2021-H1 for 2021-03-15; a year before 1000 in four digits (0999). */
    public ReportingPeriod of(LocalDate day) {
        int month = day.getMonthValue();
        String year = String.format(Locale.ROOT, "%04d", day.getYear());
        return ReportingPeriod.parse(switch (this) {
            case YEAR -> year;
            case HALF -> year + "-H" + (month <= 6 ? 1 : 2);
            case QUARTER -> year + "-Q" + ((month - 1) / 3 + 1);
        });
    }
}
