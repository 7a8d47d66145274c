package org.programmeledger.ledger.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.programmeledger.ledger.service.AsOfState;
import org.programmeledger.ledger.service.AuditEntry;
import org.programmeledger.ledger.service.BadRequest;
import org.programmeledger.ledger.service.FieldProblem;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.service.VerifyReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' reads (role AUDITOR): history, as-of states, the trail as CSV, verification, digest. */
@RestController
@Tag(name = "audit")
class AuditController {

    private final AuditTrail trail;
    private final AsOf asOf;
    private final AuditExport export;
    private final LedgerVerifier verifier;

    AuditController(AuditTrail trail, AsOf asOf, AuditExport export, LedgerVerifier verifier) {
        this.trail = trail;
        this.asOf = asOf;
        this.export = export;
        this.verifier = verifier;
    }

    @Operation(summary = "The history of a plan period, an item, an activity or an organisation")
    @GetMapping("/api/audit/history")
    List<AuditEntry> history(@RequestParam(required = false) String period,
                             @RequestParam(required = false) Integer item,
                             @RequestParam(required = false) String activity,
                             @RequestParam(required = false) String organisation) {
        if (organisation != null) {
            return trail.organisation(organisation);
        }
        if (period == null) {
            throw new BadRequest(List.of(new FieldProblem("period", "name a period (with an item or an activity) "
                    + "or an organisation")));
        }
        if (item != null) {
            return trail.item(period, item);
        }
        return activity != null ? trail.activity(period, activity) : trail.period(period);
    }

    @Operation(summary = "The state as recorded up to a time (an ISO instant, or a date meaning its end, UTC)")
    @GetMapping("/api/audit/as-of")
    AsOfState asOf(@RequestParam String at, @RequestParam(required = false) String period) {
        return asOf.at(instant(at), period);
    }

    @Operation(summary = "The full audit trail as CSV, one row per event")
    @GetMapping("/api/audit/trail.csv")
    void trail(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        export.write(response.getWriter());
    }

    @Operation(summary = "Recompute the hash chain; the first broken position, if any")
    @GetMapping("/api/audit/verify")
    VerifyReport verify() {
        return verifier.verify();
    }

    @Operation(summary = "The head digest of the chain, to publish or hand over")
    @GetMapping("/api/audit/digest")
    Digest digest() {
        return verifier.digest();
    }

    /** "2022-07-01" is the end of that day; an instant is taken as it is. */
    static Instant instant(String text) {
        try {
            return AsOf.parseTime(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(List.of(new FieldProblem("at", "'" + text + "' is neither a date (2022-07-01) "
                    + "nor an instant (2022-07-01T12:00:00Z)")));
        }
    }
}
