package org.programmeledger.dashboards.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A figure's number as the seed report's sentences write it, and only when it is the recorded value. */
class StatedNumberTest {

    @Test
    void readsTheNumberAsTheSourceWritesIt() {
        assertThat(StatedNumber.in("with the seizure of more than 6.98 million items of infringing goods",
                new BigDecimal("6980000"))).contains("6.98 million");
        assertThat(StatedNumber.in("and 1 268 IP professionals were matched", new BigDecimal("1268")))
                .contains("1 268");
        assertThat(StatedNumber.in("involving around 170 000 items of infringing articles.",
                new BigDecimal("170000"))).contains("170 000");
        assertThat(StatedNumber.in("From January 2020 to June 2022, the two sides exchanged a total of 183 pieces",
                new BigDecimal("183"))).contains("183");
    }

    @Test
    void leavesAValueTheSourceDoesNotStateInDigitsToTheLedger() {
        assertThat(StatedNumber.in("organised and launched seven joint enforcement operations", BigDecimal.valueOf(7)))
                .isEmpty();
        assertThat(StatedNumber.in("and 1 268 IP professionals were matched", new BigDecimal("1270")))
                .as("a corrected value").isEmpty();
        assertThat(StatedNumber.in("From January 2020 to June 2022", new BigDecimal("20"))).isEmpty();
        assertThat(StatedNumber.in(null, BigDecimal.ONE)).isEmpty();
    }
}
