package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.importing.SeedData;

/**
 * A plan period or metric the store does not hold is answered at once too: the command line glances into the store
 * (read-only, without the application), in a JVM of its own as bin/ledger runs it ({@link QuickAnswer}).
 */
class StoreCheckedQuickAnswersIT {

    @TempDir
    Path home;

    @Test
    void aPlanPeriodOrMetricTheStoreDoesNotHoldIsAnsweredAtOnceWithWhatItHolds() throws Exception {
        String store = home.resolve("store").toString();
        assertThat(Cli.run("import", "--store", store, SeedData.folder().toString()).exitCode()).isZero();
        assertThat(Cli.run("metrics", "--store", store).exitCode()).as("the views catch up").isZero();

        QuickAnswer period = QuickAnswer.run(home, "report", "--store", store, "--period", "2099-Q1");
        QuickAnswer jobPeriod = QuickAnswer.run(home, "jobs", "run", "period-summary", "--store", store,
                "--period", "gdhk-ipr-2020-mid-202");
        QuickAnswer metric = QuickAnswer.run(home, "jobs", "run", "trend-chart", "--store", store, "--metric", "nosuch");

        period.assertQuickRefusal("ledger report: no plan period '2099-Q1' in the ledger; plan periods: "
                + "gdhk-ipr-2020-mid-2022");
        jobPeriod.assertQuickRefusal("ledger jobs run: 'gdhk-ipr-2020-mid-202' is not a period: give a plan period "
                + "id, ");
        assertThat(jobPeriod.output()).contains("; plan periods in the ledger: gdhk-ipr-2020-mid-2022");
        metric.assertQuickRefusal("ledger jobs run: trend-chart: no chartable metric 'nosuch' in the ledger; "
                + "metrics: ");
        assertThat(metric.output()).contains("residents-passed-examination");
        assertThat(period.openedTheStore() && jobPeriod.openedTheStore() && metric.openedTheStore())
                .as("each looked into the store").isTrue();
    }
}
