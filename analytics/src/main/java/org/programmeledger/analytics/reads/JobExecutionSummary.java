package org.programmeledger.analytics.reads;

import java.time.LocalDateTime;
import java.util.Map;

/** One past execution of a job, as Spring Batch's job repository holds it. */
public record JobExecutionSummary(long executionId, String job, Map<String, String> parameters, String status,
                                  String exitCode, LocalDateTime started, LocalDateTime ended) {
}
