package org.programmeledger.ledger.importing;

import java.util.ArrayList;
import java.util.List;
import org.programmeledger.ledger.service.RowProblem;

/**
 * The problems of one file in bounded memory: the first {@link #LISTED} are kept, the rest counted, so that
 * a large file of bad rows is refused with its first bad lines and a count instead of exhausting the heap.
 */
final class RowProblems {

    static final int LISTED = 100;

    private final List<RowProblem> listed = new ArrayList<>();
    private long unlisted;
    private long firstUnlistedLine;
    private long untriedFromLine;

    void add(RowProblem problem) {
        if (listed.size() < LISTED) {
            listed.add(problem);
        } else if (unlisted++ == 0) {
            firstUnlistedLine = problem.line();
        }
    }

    boolean isEmpty() {
        return listed.isEmpty();
    }

    /** Enough problems to refuse the file: sending the rest of its commands would only cost time. */
    boolean full() {
        return listed.size() >= LISTED;
    }

    /** The rows from this line on were not sent, since the file is refused anyway. */
    void untriedFrom(long line) {
        untriedFromLine = line;
    }

    /** The problems listed, then one line for those only counted and one for the rows not tried. */
    List<RowProblem> asList() {
        List<RowProblem> all = new ArrayList<>(listed);
        if (unlisted > 0) {
            all.add(new RowProblem(firstUnlistedLine, "and " + unlisted + " more problem"
                    + (unlisted == 1 ? "" : "s") + " from this line on, not listed"));
        }
        if (untriedFromLine > 0) {
            all.add(new RowProblem(untriedFromLine, "this row and the rest were not checked against the ledger: "
                    + "the file is refused after " + LISTED + " refused rows"));
        }
        return List.copyOf(all);
    }
}
