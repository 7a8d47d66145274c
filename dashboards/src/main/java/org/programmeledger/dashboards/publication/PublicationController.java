package org.programmeledger.dashboards.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.programmeledger.analytics.facade.Periods;
import org.programmeledger.ledger.facade.PublicationRecords;
import org.programmeledger.ledger.service.Publication;
import org.programmeledger.ledger.service.PublicationChanges;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.service.Answers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishing a plan period over HTTP, and reading what was published and what changed since. Publishing
 * renders the period's files, which takes some seconds.
 */
@RestController
@Tag(name = "publications")
class PublicationController {

    private static final String PUBLICATIONS = "/api/plan-periods/{periodId}/publications";

    private final Publisher publisher;
    private final PublicationRecords publications;
    private final PublicationCheck check;
    private final Periods periods;

    PublicationController(Publisher publisher, PublicationRecords publications,
                          PublicationCheck check, Periods periods) {
        this.periods = periods;
        this.publisher = publisher;
        this.publications = publications;
        this.check = check;
    }

    record PublicationRequest(@Size(max = 4000) String comment) {
    }

    @Operation(summary = "Publish the approved figures of a plan period (SECRETARIAT)")
    @PostMapping(PUBLICATIONS)
    ResponseEntity<Publisher.Published> publish(@PathVariable String periodId,
                                                @Valid @RequestBody(required = false) PublicationRequest body)
            throws IOException {
        Publisher.Published published = publisher.publish(periodId, body == null ? null : body.comment(),
                Map.of(RecordingMetaData.CHANNEL, "http"));
        return ResponseEntity.created(URI.create(Answers.resource("/api/plan-periods", periodId, "publications",
                published.number()))).body(published);
    }

    @Operation(summary = "The publications of a plan period")
    @GetMapping(PUBLICATIONS)
    List<Publication> list(@PathVariable String periodId) {
        return publications.of(periodId);
    }

    @Operation(summary = "One publication of a plan period")
    @GetMapping(PUBLICATIONS + "/{number}")
    Publication one(@PathVariable String periodId, @PathVariable int number) {
        return publications.find(periodId, number, List.of());
    }

    @Operation(summary = "Every item, activity and figure that changed since the publication, and why")
    @GetMapping(PUBLICATIONS + "/{number}/changes")
    PublicationChanges changes(@PathVariable String periodId, @PathVariable int number) {
        return publications.changesSince(publications.find(periodId, number, List.of()));
    }

    @Operation(summary = "What changed since publication N of the one plan period that has a publication N")
    @GetMapping("/api/publications/{number}/changes")
    PublicationChanges changes(@PathVariable int number) {
        return publications.changesSince(publications.find(null, number, periods.planPeriodIds()));
    }

    @Operation(summary = "Check that the publication's files still match the ledger (renders them again)")
    @GetMapping(PUBLICATIONS + "/{number}/verification")
    PublicationCheck.Result verification(@PathVariable String periodId, @PathVariable int number) throws IOException {
        return check.check(publications.find(periodId, number, List.of()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail notFound(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
