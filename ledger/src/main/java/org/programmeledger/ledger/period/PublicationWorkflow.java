package org.programmeledger.ledger.period;

import java.util.List;
import org.programmeledger.ledger.api.ApprovePeriod;
import org.programmeledger.ledger.api.PeriodApproved;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.api.PeriodReturned;
import org.programmeledger.ledger.api.PeriodStatus;
import org.programmeledger.ledger.api.PeriodSubmitted;
import org.programmeledger.ledger.api.PublishPeriod;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.api.ReturnPeriod;
import org.programmeledger.ledger.api.SubmitPeriod;
import org.programmeledger.ledger.service.LedgerRole;
import org.programmeledger.ledger.identity.PublicationPolicy;
import org.programmeledger.ledger.rules.Rules;

/**
 * A plan period's figures go draft → submitted → approved → published. Recording stays open throughout: a
 * change after a submission or an approval only means it must be submitted (and approved) again before it is
 * published. The workflow counts the changes, so that a submission or an approval covers a count of them.
 * Each step is decided here (the event, or a {@link org.programmeledger.ledger.api.LedgerRuleViolation}) and
 * applied by the plan period, which feeds the event back.
 */
class PublicationWorkflow {

    private PeriodStatus status = PeriodStatus.DRAFT;
    /** How many events changed the period's content. */
    private int changes;
    private int changesSubmitted = -1;
    private int changesApproved = -1;
    private int changesPublished = -1;
    private String submittedBy;
    private int publications;

    PeriodSubmitted submit(String periodId, SubmitPeriod command, String user, String role) {
        requireRole(LedgerRole.SECRETARIAT.name().equals(role), role, "submit", LedgerRole.SECRETARIAT.name(),
                periodId);
        Rules.require(!(status == PeriodStatus.SUBMITTED && changesSubmitted == changes),
                "plan period " + periodId + " is already submitted and awaits approval");
        Rules.require(!(status == PeriodStatus.APPROVED && changesApproved == changes),
                "plan period " + periodId + " is already approved as it stands; publish it");
        Rules.require(!(status == PeriodStatus.PUBLISHED && changesPublished == changes), "plan period " + periodId
                + " has not changed since publication " + publications + "; there is nothing new to submit");
        return new PeriodSubmitted(periodId, user, blankToNull(command.comment()));
    }

    PeriodApproved approve(String periodId, ApprovePeriod command, PublicationPolicy policy, String user,
                           String role) {
        requireRole(policy.mayApprove(role), role, "approve", policy.approvingRoleNames(), periodId);
        requireSubmittedUnchanged(periodId, "approve");
        Rules.require(policy.selfApproval() || user == null || !user.equals(submittedBy), user
                + " submitted plan period " + periodId + " and may not approve it too; another approver must");
        return new PeriodApproved(periodId, user, blankToNull(command.comment()));
    }

    PeriodReturned giveBack(String periodId, ReturnPeriod command, PublicationPolicy policy, String user,
                            String role) {
        requireRole(policy.mayApprove(role), role, "return", policy.approvingRoleNames(), periodId);
        Rules.require(status == PeriodStatus.SUBMITTED, "plan period " + periodId + " is not submitted (it is "
                + status + "), so there is nothing to return");
        Rules.requireText(command.comment(), "the comment saying what to change in plan period " + periodId);
        return new PeriodReturned(periodId, user, command.comment().trim());
    }

    PeriodPublished publish(String periodId, PublishPeriod command, String user, String role) {
        requireRole(LedgerRole.SECRETARIAT.name().equals(role), role, "publish", LedgerRole.SECRETARIAT.name(),
                periodId);
        Rules.require(status == PeriodStatus.APPROVED, "plan period " + periodId + " is not approved (it is "
                + status + "); only approved figures are published");
        Rules.require(changesApproved == changes, "plan period " + periodId + " changed since its approval; "
                + "submit it again and have it approved");
        Rules.require(command.number() == publications + 1, "the next publication of plan period " + periodId
                + " is number " + (publications + 1) + ", not " + command.number());
        Rules.require(command.position() > 0, "the ledger position of a publication is required");
        Rules.requireText(command.digest(), "the digest of publication " + command.number());
        Rules.require(command.files() != null && !command.files().isEmpty(),
                "publication " + command.number() + " has no files");
        for (PublishedFile file : command.files()) {
            Rules.require(file.sha256() != null && file.sha256().matches("[0-9a-f]{64}"),
                    "file " + file.path() + " of the publication needs its SHA-256 in lower-case hex");
        }
        return new PeriodPublished(periodId, command.number(), command.position(), command.digest(),
                List.copyOf(command.files()), user, blankToNull(command.comment()));
    }

    /** The publication a correction made now corrects, if the period was published. */
    Integer latestPublication() {
        return publications == 0 ? null : publications;
    }

    /** An event changed the period's content: it must be submitted (and approved) again before publication. */
    void changed() {
        changes++;
    }

    void on(PeriodSubmitted event) {
        status = PeriodStatus.SUBMITTED;
        changesSubmitted = changes;
        submittedBy = event.submittedBy();
    }

    void on(PeriodApproved event) {
        status = PeriodStatus.APPROVED;
        changesApproved = changes;
    }

    void on(PeriodReturned event) {
        status = PeriodStatus.DRAFT;
    }

    void on(PeriodPublished event) {
        status = PeriodStatus.PUBLISHED;
        changesPublished = changes;
        publications = event.number();
    }

    private void requireSubmittedUnchanged(String periodId, String step) {
        Rules.require(status == PeriodStatus.SUBMITTED, "plan period " + periodId + " is not submitted (it is "
                + status + "); the secretariat submits it first");
        Rules.require(changesSubmitted == changes, "plan period " + periodId + " changed since it was submitted; "
                + "the secretariat must submit it again before you " + step + " it");
    }

    private static void requireRole(boolean allowed, String role, String step, String roles, String periodId) {
        Rules.require(allowed, "the role " + (role == null ? "(none)" : role) + " may not " + step
                + " plan period " + periodId + "; " + roles + " may");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
