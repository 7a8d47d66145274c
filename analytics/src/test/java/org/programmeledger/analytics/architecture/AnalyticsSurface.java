package org.programmeledger.analytics.architecture;

import org.programmeledger.ledger.architecture.ModuleSurface;

/** What the dashboards (and the benchmarks) may use of analytics. */
public final class AnalyticsSurface {

    /**
     * The jobs and queries ({@code facade}), one class per capability delegating to the components inside; the
     * views' read repository and the answers the facades give ({@code reads}); and two self-contained libraries:
     * the arithmetic of stated figures ({@code aggregation}) and how output files are written and described
     * ({@code output}). {@code reads}, {@code aggregation} and {@code output} depend on nothing else of analytics.
     */
    public static final ModuleSurface ANALYTICS = new ModuleSurface("analytics",
            new String[] {"facade", "reads", "aggregation", "output"});

    private AnalyticsSurface() {
    }
}
