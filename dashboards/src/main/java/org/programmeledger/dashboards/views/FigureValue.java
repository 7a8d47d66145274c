package org.programmeledger.dashboards.views;

import org.programmeledger.analytics.aggregation.Bound;

/**
 * One of the values sources give for a figure that has more than one, with its source.
 *
 * @param adopted the secretariat adopted this value as the figure's
 * @param adoptedReason why it was adopted; null unless adopted
 */
public record FigureValue(Bound bound, FigureSource source, boolean adopted, String adoptedReason) {
}
