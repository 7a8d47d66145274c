package org.programmeledger.ledger.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCells.cell("+1")).isEqualTo("'+1");
        assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("\tx")).isEqualTo("'\tx");
    }

    @Test
    void leavesOrdinaryCellsAlone() {
        assertThat(CsvCells.cell("more than 6980000")).isEqualTo("more than 6980000");
        assertThat(CsvCells.cell(183)).isEqualTo("183");
        assertThat(CsvCells.cell(null)).isEmpty();
    }
}
