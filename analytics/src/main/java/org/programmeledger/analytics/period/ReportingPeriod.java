package org.programmeledger.analytics.period;

import java.time.LocalDate;

/** A period that outputs are built for: its name in file names and CSV cells, and its inclusive bounds. */
public record ReportingPeriod(String name, LocalDate from, LocalDate to) {
}
