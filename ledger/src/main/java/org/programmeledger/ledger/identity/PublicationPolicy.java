package org.programmeledger.ledger.identity;

import java.util.List;
import org.programmeledger.ledger.service.LedgerRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may approve a plan period's figures ({@code ledger.publication.*}). By default an APPROVER, never
 * the user who submitted them; a small secretariat may let AUDITOR approve, or allow self-approval.
 *
 * @param approvingRoles the roles that may approve or return a submission
 * @param selfApproval   whether the user who submitted may also approve
 */
@ConfigurationProperties("ledger.publication")
public record PublicationPolicy(List<LedgerRole> approvingRoles, boolean selfApproval) {

    public PublicationPolicy {
        approvingRoles = approvingRoles == null || approvingRoles.isEmpty() ? List.of(LedgerRole.APPROVER)
                : List.copyOf(approvingRoles);
    }

    public boolean mayApprove(String role) {
        return approvingRoles.stream().anyMatch(approving -> approving.name().equals(role));
    }

    public String approvingRoleNames() {
        return String.join(" or ", approvingRoles.stream().map(LedgerRole::name).toList());
    }
}
