package org.programmeledger.dashboards.views;

import java.util.List;

/** A co-operation item with its organisations by name. */
public record ItemView(String periodId, int number, String title, String area, boolean newInPeriod, String status,
                       List<String> leadOrganisations, List<String> participatingOrganisations) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    public String statusLabel() {
        return completed() ? "completed" : "in progress";
    }
}
