package org.programmeledger.dashboards.outputs;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.programmeledger.analytics.reads.JobExecutionSummary;
import org.programmeledger.analytics.reads.JobFailedException;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.dashboards.console.LedgerServer;
import org.programmeledger.dashboards.console.ServerFile;
import org.programmeledger.dashboards.console.SignIn;
import org.programmeledger.dashboards.console.StoreGlance;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The batch jobs on the local store: run one, or list past executions from Spring Batch's job repository. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        header = "Runs the batch jobs, or lists their executions.",
        description = "Runs a batch job on the views as they stand, or lists past executions; on the running server "
                + "when one runs on the store.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done",
                "1:a job failed",
                UsageRefusal.EXIT_CODE},
        footerHeading = "%nExample:%n",
        footer = "  bin/ledger jobs run period-summary --period 2021-Q3",
        subcommands = {JobsCommand.Run.class, JobsCommand.ListExecutions.class})
public class JobsCommand {

    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    @Command(name = "run", mixinStandardHelpOptions = true,
            header = "Runs a batch job on the views as they stand.",
            description = "Runs a job on the views as they stand: period-summary, activity-register and period-charts "
                    + "(--period), trend-series (--metric, --bucket, --from), trend-chart (--metric). A run already "
                    + "built from the same ledger position does nothing. On the running server when one runs on the "
                    + "store; an unknown job, period or metric is refused before anything starts.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:built, or already built",
                    "1:the job failed",
                    "2:an unknown job, period or metric, or a bad parameter"},
            footerHeading = "%nExample:%n",
            footer = "  bin/ledger jobs run trend-series --metric participants --bucket year")
    public static class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "NAME", description = "the job")
        String job;
        @Option(names = "--period", paramLabel = "P",
                description = "a plan period id, or " + ReportingPeriod.FORMS)
        String period;
        @Option(names = "--metric", paramLabel = "M",
                description = "a metric (trend-series, trend-chart); repeat for several")
        List<String> metrics = new ArrayList<>();
        @Option(names = "--bucket", paramLabel = "B", description = "year, half or quarter (trend-series)")
        String bucket;
        @Option(names = "--from", paramLabel = "DATE", description = "a year or a day the series starts (trend-series)")
        String from;
        @Option(names = "--out", paramLabel = "DIR", description = "where the outputs go (default: the store's folder "
                + "under out/: out/ledger/, out/demo/); a running server writes into its own")
        Path output;
        @Mixin
        SignIn signIn;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            JobArguments.job(job);
            JobArguments.required(job, period, metrics);
            Optional<URI> server = ServerFile.runningServer(store.folder());
            if (server.isPresent()) {
                LedgerServer ledger = new LedgerServer(server.get(), signIn);
                runs().forEach(parameters -> print(ledger.runJob(job, parameters), out));
                out.flush();
                return 0;
            }
            Optional<StoreGlance> glance = StoreGlance.of(store.folder());
            if (period != null) {
                JobArguments.jobPeriod(period, glance);
            }
            JobArguments.metrics(job, metrics, glance);
            try (ConfigurableApplicationContext application = store.open("/api/jobs/" + job, "POST, role SECRETARIAT",
                    output)) {
                application.getBean(ReadModels.class).awaitHead(CATCH_UP);
                Jobs jobs = application.getBean(Jobs.class);
                int exit = 0;
                for (Map<String, String> parameters : runs()) {
                    try {
                        print(jobs.run(job, parameters), out);
                    } catch (JobFailedException e) {
                        err.println(e.getMessage());
                        exit = 1;
                    } catch (IllegalArgumentException e) {
                        throw new UsageRefusal(e.getMessage());
                    }
                }
                out.flush();
                return exit;
            }
        }

        private static void print(JobReport report, PrintWriter out) {
            out.println(report.describe());
            report.outputs().forEach(output -> out.println("  " + output));
            report.skipped().forEach(skipped -> out.println("  skipped " + skipped));
        }

        private List<Map<String, String>> runs() {
            List<Map<String, String>> runs = new ArrayList<>();
            for (String metric : metrics.isEmpty() ? Collections.<String>singletonList(null) : metrics) {
                Map<String, String> parameters = new LinkedHashMap<>();
                put(parameters, "period", period);
                put(parameters, "metric", metric);
                put(parameters, "bucket", bucket);
                put(parameters, "from", from);
                runs.add(parameters);
            }
            return runs;
        }

        private static void put(Map<String, String> parameters, String key, String value) {
            if (value != null) {
                parameters.put(key, value);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            header = "Lists past executions of the jobs, newest first.",
            description = "Lists past executions of the jobs, newest first, with their parameters and status; from the "
                    + "running server when one runs on the store.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n",
            footer = "  bin/ledger jobs list")
    public static class ListExecutions implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        SignIn signIn;

        @Override
        public Integer call() throws Exception {
            print(store.ask(signIn, LedgerServer::jobs, "/api/jobs", "any role",
                    application -> application.getBean(Jobs.class).history()), spec.commandLine().getOut());
            return 0;
        }

        private static void print(List<JobExecutionSummary> executions, PrintWriter out) {
            if (executions.isEmpty()) {
                out.println("No job has run yet.");
            }
            for (JobExecutionSummary execution : executions) {
                out.printf("%5d  %-18s %-10s %s  %s%n", execution.executionId(), execution.job(),
                        execution.status(), execution.started(), execution.parameters().entrySet().stream()
                                .filter(parameter -> !parameter.getKey().equals("recordedAt"))
                                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                                .collect(Collectors.joining(" ")));
            }
            out.flush();
        }
    }
}
