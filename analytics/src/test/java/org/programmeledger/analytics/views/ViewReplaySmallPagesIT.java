package org.programmeledger.analytics.views;

import org.springframework.test.context.TestPropertySource;

/**
 * The same replays in pages of two events: a rebuild holds a page's rows and inserts them together, so the
 * correction, retraction, alternative value and adoption at the ledger's end change rows that pages long
 * committed had inserted, and those rows must come out as the live processor left them.
 */
@TestPropertySource(properties = "ledger.views.replay-batch-size=2")
class ViewReplaySmallPagesIT extends ViewReplayIT {
}
