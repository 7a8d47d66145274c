package org.programmeledger.dashboards.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.programmeledger.analytics.reads.CatalogueMetric;
import org.programmeledger.analytics.reads.ViewReads;

/**
 * How the report names things, as the secretariat's report does: an organisation by its full name with its
 * abbreviation the first time, by the abbreviation after that; a metric by its label in the catalogue.
 * One per rendering, since it remembers which organisations were introduced.
 */
final class Naming {

    private record Organisation(String name, String abbreviation) {
    }

    /** By the name the views' queries give an organisation: "Name (ABBR)", or "Name" without an abbreviation. */
    private final Map<String, Organisation> organisations = new HashMap<>();
    private final Map<String, String> metricLabels = new HashMap<>();
    private final Set<String> introduced = new HashSet<>();

    private Naming() {
    }

    static Naming of(List<ViewReads.Organisation> organisations, List<CatalogueMetric> metrics) {
        Naming naming = new Naming();
        organisations.forEach(organisation -> naming.organisations.put(organisation.label(),
                new Organisation(organisation.name(), organisation.abbreviation() == null
                        || organisation.abbreviation().isBlank() ? null : organisation.abbreviation())));
        metrics.forEach(metric -> naming.metricLabels.put(metric.metricId(), metric.label()));
        return naming;
    }

    /** "the Hong Kong Customs and Excise Department (Hong Kong Customs)" the first time, "the Hong Kong Customs" after. */
    String mention(String shownName) {
        Organisation organisation = organisations.get(shownName);
        if (organisation == null) {
            return shownName;
        }
        if (organisation.abbreviation() == null) {
            return "the " + organisation.name();
        }
        return introduced.add(shownName) ? "the " + organisation.name() + " (" + organisation.abbreviation() + ")"
                : "the " + organisation.abbreviation();
    }

    /** "the A, the B and the C", each mentioned in turn. */
    String list(List<String> shownNames) {
        List<String> mentioned = shownNames.stream().map(this::mention).toList();
        if (mentioned.size() == 1) {
            return mentioned.get(0);
        }
        return String.join(", ", mentioned.subList(0, mentioned.size() - 1)) + " and "
                + mentioned.get(mentioned.size() - 1);
    }

    /** The metric's label in the catalogue ("Mainland IP administrations linked"), as it is written there. */
    String metric(String metricId) {
        String label = metricLabels.get(metricId);
        return label != null ? label : capitalised(metricId.replace('-', ' '));
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
