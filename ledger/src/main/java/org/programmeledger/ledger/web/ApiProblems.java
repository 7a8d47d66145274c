package org.programmeledger.ledger.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.programmeledger.ledger.api.IdentifierTaken;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.StaleVersion;
import org.programmeledger.ledger.service.BadRequest;
import org.programmeledger.ledger.service.FieldProblem;
import org.programmeledger.ledger.service.FullDisk;
import org.programmeledger.ledger.service.StoreUnavailable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 problem document: 400 names each bad field, 404 an unknown aggregate,
 * 409 a stale version or a reused identifier, 422 a rule of the ledger in its own words, 503 a database
 * that cannot be reached, 507 a store whose disk is full.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** The 507's and 503's words, which the OpenAPI document's examples show too. */
    static final String STORE_FULL = "Ledger store full";
    static final String UNAVAILABLE = "Ledger temporarily unavailable";
    static final String UNAVAILABLE_DETAIL = "The ledger's database cannot be reached just now. Retry in a few "
            + "seconds, with the same Idempotency-Key, so that the command is recorded at most once.";

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badFields(BadRequest e) {
        return withFields(e.problems());
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    ProblemDetail ruleRefused(LedgerRuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Refused by a rule of the ledger");
        return problem;
    }

    @ExceptionHandler(StaleVersion.class)
    ProblemDetail stale(StaleVersion e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Stale version");
        problem.setProperty("expectedVersion", e.expected());
        problem.setProperty("currentVersion", e.actual());
        return problem;
    }

    @ExceptionHandler(IdempotencyConflict.class)
    ProblemDetail reusedKey(IdempotencyConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "'" + e.getAggregateIdentifier() + "' is not in the ledger");
    }

    /** A command under an identifier that names another kind of record. */
    @ExceptionHandler(IdentifierTaken.class)
    ProblemDetail identifierTaken(IdentifierTaken e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Identifier taken");
        return problem;
    }

    /** Another node recorded in the same aggregate meanwhile, again when the command was sent once more. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail collided(ConcurrencyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /**
     * The store's disk is full, or the database cannot be reached; any other failure of the store stays a 500, since
     * it is a bug.
     */
    @ExceptionHandler({TransactionException.class, DataAccessException.class, JdbcException.class,
            EventStoreException.class})
    ResponseEntity<ProblemDetail> storeFailure(RuntimeException e) {
        if (FullDisk.in(e).isEmpty() && !StoreUnavailable.causes(e)) {
            throw e;
        }
        return storeFailed(e);
    }

    private static ResponseEntity<ProblemDetail> storeFailed(RuntimeException e) {
        return FullDisk.in(e).map(ApiProblems::storeFull).orElseGet(ApiProblems::storeUnavailable);
    }

    static String storeFullDetail(String reason) {
        return "The ledger's store has no room left on its disk (" + reason + "). Send the request again once space "
                + "has been freed, with the same Idempotency-Key if it had one: it is recorded at most once.";
    }

    /**
     * 507: the store's disk is full. Retrying in a few seconds would not help until an operator frees space; the
     * request may or may not have been recorded, so it is retried then with its Idempotency-Key.
     */
    private static ResponseEntity<ProblemDetail> storeFull(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE,
                storeFullDetail(reason));
        problem.setTitle(STORE_FULL);
        return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE).body(problem);
    }

    /**
     * 503 with Retry-After: the transaction was rolled back, or its commit may not have been confirmed, so a
     * client retries with its Idempotency-Key, which records the command at most once.
     */
    private static ResponseEntity<ProblemDetail> storeUnavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL);
        problem.setTitle(UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds())).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        return ResponseEntity.badRequest().body(withFields(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ResponseEntity.badRequest().body(withFields(List.of(new FieldProblem(field,
                    "has the wrong type: " + mapping.getOriginalMessage().replaceAll("\\s+at \\[.*", "")))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not well-formed JSON of the expected shape.");
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail withFields(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Bad request");
        problem.setProperty("errors", problems);
        return problem;
    }
}
