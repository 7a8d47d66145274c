package org.programmeledger.analytics.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.reads.ReportingPeriod;

class ReportingPeriodTest {

    @Test
    void aYearRunsFromTheFirstOfJanuaryToTheLastOfDecember() {
        assertThat(ReportingPeriod.parse("2021"))
                .isEqualTo(new ReportingPeriod("2021", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
    }

    @Test
    void halfYearsQuartersAndMonthsEndOnTheirLastDay() {
        assertThat(ReportingPeriod.parse("2021-H2").from()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(ReportingPeriod.parse("2021-H2").to()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(ReportingPeriod.parse("2020-Q1").to()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(ReportingPeriod.parse("2021-Q3").from()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(ReportingPeriod.parse("2021-Q3").to()).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(ReportingPeriod.parse("2020-02").to()).isEqualTo(LocalDate.of(2020, 2, 29));
    }

    @Test
    void aCustomRangeKeepsItsDaysInclusive() {
        ReportingPeriod range = ReportingPeriod.parse("2020-01-01..2021-06-30");
        assertThat(range.name()).isEqualTo("2020-01-01..2021-06-30");
        assertThat(range.from()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2021, 6, 30));
    }

    @Test
    void refusesWhatIsNotAPeriodAndSaysWhichFormsItTakes() {
        assertThatThrownBy(() -> ReportingPeriod.parse("2021-Q5")).hasMessageContaining("'2021-Q5' is not a period")
                .hasMessageContaining("2021-Q3");
        assertThatThrownBy(() -> ReportingPeriod.parse("2021-13")).hasMessageContaining("not a valid period");
        assertThatThrownBy(() -> ReportingPeriod.parse("2021-06-30..2021-01-01"))
                .hasMessageContaining("ends (2021-01-01) before it starts (2021-06-30)");
    }

    @Test
    void aFigureCountsOnlyWhenItsExtentLiesInside() {
        ReportingPeriod q2 = ReportingPeriod.parse("2021-Q2");
        assertThat(q2.contains(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 5, 31))).isTrue();
        assertThat(q2.contains(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31))).isFalse();
    }
}
