package org.programmeledger.analytics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.JobParametersInvalidException;

class MetricParameterValidatorTest {

    /** Two metrics recorded; remembers which questions were asked of it. */
    private static final List<String> METRICS = List.of("awards", "participants");
    private final List<String> asked = new ArrayList<>();
    private final KnownMetrics recorded = new KnownMetrics() {
        @Override
        public List<String> ids() {
            asked.add("ids");
            return METRICS;
        }

        @Override
        public boolean has(String metric) {
            asked.add("has " + metric);
            return METRICS.contains(metric);
        }

        @Override
        public List<String> chartable() {
            return ids();
        }

        @Override
        public String label(String metric) {
            return metric;
        }
    };

    @Test
    void aRecordedMetricPassesWithoutListingEveryMetric() {
        assertThatCode(() -> MetricParameterValidator.anyMetric(recorded).validate(metric("participants")))
                .doesNotThrowAnyException();
        assertThat(asked).containsExactly("has participants");
    }

    @Test
    void anUnknownMetricIsRefusedWithTheMetricsThereAre() {
        assertThatThrownBy(() -> MetricParameterValidator.anyMetric(recorded).validate(metric("partcipants")))
                .isInstanceOf(JobParametersInvalidException.class)
                .hasMessage("no metric 'partcipants' in the ledger; metrics: awards, participants");
    }

    @Test
    void aMissingMetricIsRefused() {
        assertThatThrownBy(() -> MetricParameterValidator.anyMetric(recorded).validate(new JobParameters()))
                .hasMessageStartingWith("a metric is required; metrics: awards, participants");
    }

    private static JobParameters metric(String metric) {
        return new JobParametersBuilder().addString("metric", metric).toJobParameters();
    }
}
