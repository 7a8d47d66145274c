package org.programmeledger.analytics.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.programmeledger.analytics.reads.JobExecutionSummary;
import org.programmeledger.analytics.reads.JobFailedException;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.views.LedgerViews;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The batch jobs over HTTP: run one (role SECRETARIAT, as every write under /api) with its parameters as
 * query parameters, and list past executions (any role).
 */
@RestController
@Tag(name = "jobs")
class JobsController {

    /** As long as the command line waits for the views before a job. */
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    private final LedgerJobs jobs;
    private final LedgerViews views;

    JobsController(LedgerJobs jobs, LedgerViews views) {
        this.jobs = jobs;
        this.views = views;
    }

    @Operation(summary = "Run a job on the views as they stand, e.g. POST /api/jobs/period-summary?period=2021-Q3;"
            + " a run already built from the same ledger position does nothing (status ALREADY_BUILT)")
    @PostMapping("/api/jobs/{name}")
    JobReport run(@PathVariable String name, @RequestParam Map<String, String> parameters)
            throws InterruptedException {
        if (!jobs.names().contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no job '" + name + "'; jobs: "
                    + String.join(", ", jobs.names()));
        }
        try {
            // The views first catch up with every event recorded so far, as for `jobs run`: a job started
            // just after an import would otherwise build from part of it.
            views.awaitHead(CATCH_UP);
            return jobs.run(name, parameters);
        } catch (TimeoutException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), e);
        } catch (LedgerJobs.JobBusyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage(), e);
        } catch (JobFailedException e) {
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
    }

    @Operation(summary = "Past executions of the jobs, newest first, with their parameters and status")
    @GetMapping("/api/jobs")
    List<JobExecutionSummary> history() {
        return jobs.history();
    }
}
