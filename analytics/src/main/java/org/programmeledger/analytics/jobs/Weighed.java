package org.programmeledger.analytics.jobs;

/**
 * A line that holds many figures: a block of lines ({@link LineBlocks}) counts it as that many, so that what a block
 * holds is bounded by figures, not by lines (a breakdown line lists or keeps every figure of its heading).
 */
public interface Weighed {

    int weight();
}
