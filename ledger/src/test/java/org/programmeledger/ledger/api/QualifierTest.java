package org.programmeledger.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QualifierTest {

    @Test
    void aLowerBoundAndAnApproximationAddUpToALowerBound() {
        Qualifier total = Qualifier.MORE_THAN.combine(Qualifier.ABOUT);
        assertThat(total.phrase(new BigDecimal("250").add(new BigDecimal("470")))).isEqualTo("more than 720");
    }

    @Test
    void exactFiguresStayExactAndAnApproximationMakesTheTotalApproximate() {
        assertThat(Qualifier.EXACTLY.combine(Qualifier.EXACTLY)).isEqualTo(Qualifier.EXACTLY);
        assertThat(Qualifier.EXACTLY.combine(Qualifier.ABOUT)).isEqualTo(Qualifier.ABOUT);
        assertThat(Qualifier.AT_LEAST.combine(Qualifier.EXACTLY)).isEqualTo(Qualifier.AT_LEAST);
        assertThat(Qualifier.AT_LEAST.combine(Qualifier.MORE_THAN)).isEqualTo(Qualifier.MORE_THAN);
    }

    @Test
    void readsTheImportCodesAndNamesTheChoicesWhenACodeIsWrong() {
        assertThat(Qualifier.fromCode(" More-Than ")).isEqualTo(Qualifier.MORE_THAN);
        assertThatThrownBy(() -> Qualifier.fromCode("roughly"))
                .hasMessage("'roughly' is not a qualifier; expected one of: exactly, about, at-least, more-than, at-most, less-than, nearly, between");
    }

    @Test
    void saysABoundAsTheSourceDoes() {
        assertThat(Qualifier.BETWEEN.phrase(new java.math.BigDecimal("300"), new java.math.BigDecimal("400")))
                .isEqualTo("between 300 and 400");
        assertThat(Qualifier.NEARLY.phrase(new java.math.BigDecimal("400"), null)).isEqualTo("nearly 400");
        assertThat(Qualifier.AT_MOST.phrase(new java.math.BigDecimal("8"))).isEqualTo("at most 8");
        assertThat(Qualifier.fromCode("less-than")).isEqualTo(Qualifier.LESS_THAN);
    }
}
