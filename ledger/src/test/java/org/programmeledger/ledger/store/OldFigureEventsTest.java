package org.programmeledger.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.Qualifier;

/** Figure events stored before issue 18 (revision 1) read as figures of an item, with one value and no catalogue. */
class OldFigureEventsTest {

    private static final ObjectMapper STORED = EventStoreConfiguration.canonicalObjectMapper();

    @Test
    void aRevisionOneFigureReadsAsAnItemsFigureAggregatedByItsBasis() throws Exception {
        FigureRecorded figure = STORED.readValue("""
                {"activityId":null,"basis":"CUMULATIVE","extent":{"end":"2022-06-30","precision":"RANGE",\
                "start":"2004-01-01"},"figureId":"15.0.1","itemNumber":15,"metric":"residents-passed-examination",\
                "periodId":"gdhk-ipr-2020-mid-2022","qualifier":"EXACTLY","side":"HONG_KONG",\
                "source":"Since 2004, a total of 75","unit":"residents","value":75}""", FigureRecorded.class);

        assertThat(figure.itemNumber()).isEqualTo(15);
        assertThat(figure.scope()).isEqualTo(FigureScope.ITEM);
        assertThat(figure.valueHigh()).isNull();
        assertThat(figure.partOf()).isNull();
        assertThat(figure.sourceReference()).isNull();
        assertThat(figure.aggregation()).isNull();
        assertThat(figure.aggregationOrBasis()).isEqualTo(Aggregation.CUMULATIVE);
    }

    @Test
    void aRevisionOneCorrectionReadsWithoutHighEnds() throws Exception {
        FigureCorrected correction = STORED.readValue("""
                {"figureId":"2.2.1","itemNumber":2,"periodId":"gdhk-ipr-2020-mid-2022","previousQualifier":"EXACTLY",\
                "previousValue":206,"publication":null,"qualifier":"ABOUT","reason":"rounded","value":210}""",
                FigureCorrected.class);

        assertThat(correction.value()).isEqualByComparingTo(new BigDecimal("210"));
        assertThat(correction.qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(correction.valueHigh()).isNull();
        assertThat(correction.previousValueHigh()).isNull();
    }
}
