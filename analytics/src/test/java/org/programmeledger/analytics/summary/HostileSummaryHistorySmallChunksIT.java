package org.programmeledger.analytics.summary;

import org.springframework.test.context.TestPropertySource;

/**
 * The hostile history with chunks of three figures: its breakdown lines, many of which list or keep apart more
 * figures than that, each end a block of their own, and the files must still be byte for byte the same.
 */
@TestPropertySource(properties = "ledger.jobs.chunk-size=3")
class HostileSummaryHistorySmallChunksIT extends HostileSummaryHistoryIT {
}
