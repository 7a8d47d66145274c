package org.programmeledger.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExtentTest {

    @Test
    void readsEachPrecisionTheSourcesUse() {
        assertThat(Extent.parse("2020-12")).isEqualTo(new Extent(LocalDate.of(2020, 12, 1), LocalDate.of(2020, 12, 31),
                DatePrecision.MONTH));
        assertThat(Extent.parse("2021")).isEqualTo(new Extent(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31),
                DatePrecision.YEAR));
        assertThat(Extent.parse("2020-12-05").precision()).isEqualTo(DatePrecision.DAY);
        assertThat(Extent.parse("2021-04/2021-05")).isEqualTo(Extent.range(LocalDate.of(2021, 4, 1),
                LocalDate.of(2021, 5, 31)));
        assertThat(Extent.parse(" ")).isEqualTo(Extent.unstated());
    }

    @Test
    void describesItselfAsTheReportDoes() {
        assertThat(Extent.parse("2020-12").describe()).isEqualTo("December 2020");
        assertThat(Extent.parse("2021").describe()).isEqualTo("2021");
        assertThat(Extent.parse("2020-01/2022-06").describe()).isEqualTo("From January 2020 to June 2022");
        assertThat(Extent.parse("2020-12-05").describe()).isEqualTo("5 December 2020");
        assertThat(Extent.parse("0999").describe()).as("a year before 1000 as written").isEqualTo("0999");
        assertThat(Extent.parse("0999/1000").describe()).isEqualTo("From 0999 to 1000");
        assertThat(Extent.parse("0999-02").describe()).isEqualTo("February 0999");
    }

    @Test
    void writesBackTheTextItWasReadFrom() {
        for (String text : new String[] {"2020-12-05", "2020-12", "2020", "2020-04/2021-05", "2020/2021",
                "2020-01/2022-06", "", "0999", "0000", "0999/1000", "0001-02-03"}) {
            assertThat(Extent.parse(text).text()).isEqualTo(text);
        }
        assertThat(Extent.parse("2004/2022-06").text()).isEqualTo("2004-01/2022-06");
    }

    @Test
    void refusesTextThatIsNoDate() {
        assertThatThrownBy(() -> Extent.parse("mid-2022")).hasMessageStartingWith("'mid-2022' is not a date");
        assertThatThrownBy(() -> Extent.parse("2021-02-30")).hasMessage("'2021-02-30' is not a valid date");
    }
}
