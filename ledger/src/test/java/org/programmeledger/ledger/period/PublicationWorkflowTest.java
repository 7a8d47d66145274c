package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.ApprovePeriod;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.PeriodApproved;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.api.PeriodReturned;
import org.programmeledger.ledger.api.PeriodSubmitted;
import org.programmeledger.ledger.api.PublishPeriod;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.api.ReturnPeriod;
import org.programmeledger.ledger.api.SubmitPeriod;
import org.programmeledger.ledger.service.LedgerRole;
import org.programmeledger.ledger.identity.PublicationPolicy;

/** The four states of a period's publication, decided and fed back as the plan period does. */
class PublicationWorkflowTest {

    private static final String PERIOD = "p";
    private static final PublicationPolicy APPROVERS = new PublicationPolicy(List.of(LedgerRole.APPROVER), false);
    private static final String HASH = "0".repeat(64);

    private final PublicationWorkflow workflow = new PublicationWorkflow();

    private PeriodSubmitted submitted(String user) {
        PeriodSubmitted event = workflow.submit(PERIOD, new SubmitPeriod(PERIOD, null), user, "SECRETARIAT");
        workflow.on(event);
        return event;
    }

    private PeriodApproved approved(String user) {
        PeriodApproved event = workflow.approve(PERIOD, new ApprovePeriod(PERIOD, "fine"), APPROVERS, user,
                "APPROVER");
        workflow.on(event);
        return event;
    }

    private PublishPeriod publication(int number) {
        return new PublishPeriod(PERIOD, number, 42, "digest", List.of(new PublishedFile("a.csv", HASH, 10)), null);
    }

    @Test
    void goesFromDraftThroughSubmittedAndApprovedToPublished() {
        workflow.changed();
        assertThat(submitted("sam")).isEqualTo(new PeriodSubmitted(PERIOD, "sam", null));
        assertThat(approved("ann")).isEqualTo(new PeriodApproved(PERIOD, "ann", "fine"));
        PeriodPublished published = workflow.publish(PERIOD, publication(1), "sam", "SECRETARIAT");
        workflow.on(published);

        assertThat(published.number()).isEqualTo(1);
        assertThat(workflow.latestPublication()).isEqualTo(1);
    }

    @Test
    void aChangeAfterApprovalMustBeSubmittedAndApprovedAgain() {
        workflow.changed();
        submitted("sam");
        approved("ann");
        workflow.changed();

        assertThatThrownBy(() -> workflow.publish(PERIOD, publication(1), "sam", "SECRETARIAT"))
                .isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("plan period p changed since its approval; submit it again and have it approved");
    }

    @Test
    void nothingNewToSubmitAfterAPublicationWithoutChanges() {
        workflow.changed();
        submitted("sam");
        approved("ann");
        workflow.on(workflow.publish(PERIOD, publication(1), "sam", "SECRETARIAT"));

        assertThatThrownBy(() -> submitted("sam")).isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("plan period p has not changed since publication 1; there is nothing new to submit");
    }

    @Test
    void theSubmitterMayNotApproveTheirOwnSubmission() {
        submitted("sam");

        assertThatThrownBy(() -> approved("sam")).isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("sam submitted plan period p and may not approve it too; another approver must");
    }

    @Test
    void aReturnedSubmissionIsADraftAgain() {
        submitted("sam");
        PeriodReturned returned = workflow.giveBack(PERIOD, new ReturnPeriod(PERIOD, " fix item 2 "), APPROVERS,
                "ann", "APPROVER");
        workflow.on(returned);

        assertThat(returned.comment()).isEqualTo("fix item 2");
        assertThatThrownBy(() -> approved("ann")).isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("plan period p is not submitted (it is DRAFT); the secretariat submits it first");
    }

    @Test
    void noPublicationIsCorrectedBeforeTheFirst() {
        assertThat(workflow.latestPublication()).isNull();
    }
}
