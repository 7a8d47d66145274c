package org.programmeledger.analytics.summary;

import org.programmeledger.analytics.jobs.UnreadableRowException;

/**
 * A figure as the breakdown reads it, once per lead organisation of its item (once when it has none), with its
 * item's area and what decides, under each heading, whether its whole is on the same line.
 *
 * @param figure null when the row cannot be read
 * @param organisation one lead organisation of its item; null when it names none
 * @param wholeArea the area of its whole's item ('' for none)
 * @param wholeUnderOrganisation whether its whole counts under the same organisation heading
 */
record HeadedFigure(String figureId, String planPeriod, PeriodFigure figure, UnreadableRowException unreadable,
                    String area, String organisation, String wholeArea, boolean wholeUnderOrganisation) {

    static HeadedFigure unreadable(String figureId, String planPeriod, UnreadableRowException unreadable) {
        return new HeadedFigure(figureId, planPeriod, null, unreadable, null, null, null, false);
    }

    /** Whether {@code previous} is the same figure under another lead organisation. */
    boolean sameFigureAs(HeadedFigure previous) {
        return previous != null && figureId.equals(previous.figureId) && planPeriod.equals(previous.planPeriod);
    }
}
