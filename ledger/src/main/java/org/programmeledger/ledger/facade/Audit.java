package org.programmeledger.ledger.facade;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.programmeledger.ledger.audit.AsOf;
import org.programmeledger.ledger.audit.AuditExport;
import org.programmeledger.ledger.audit.AuditTrail;
import org.programmeledger.ledger.service.AsOfState;
import org.programmeledger.ledger.service.AuditEntry;
import org.springframework.stereotype.Component;

/** The audit trail of what was recorded, by whom and when, and what the ledger knew at a past time. */
@Component
public class Audit {

    private final AuditTrail trail;
    private final AuditExport export;
    private final AsOf asOf;

    Audit(AuditTrail trail, AuditExport export, AsOf asOf) {
        this.trail = trail;
        this.export = export;
        this.asOf = asOf;
    }

    /** A time as auditors write it: a date means the end of that day (UTC), an instant is itself. */
    public static Instant parseTime(String text) {
        return AsOf.parseTime(text);
    }

    public List<AuditEntry> period(String periodId) {
        return trail.period(periodId);
    }

    public List<AuditEntry> item(String periodId, int number) {
        return trail.item(periodId, number);
    }

    public List<AuditEntry> activity(String periodId, String activityId) {
        return trail.activity(periodId, activityId);
    }

    public List<AuditEntry> organisation(String organisationId) {
        return trail.organisation(organisationId);
    }

    /** Writes the whole trail as CSV; returns how many events it wrote. */
    public long writeTrail(Writer out) throws IOException {
        return export.write(out);
    }

    /** Every plan period (or only {@code onlyPeriod}) as the ledger knew it at {@code at}. */
    public AsOfState asOf(Instant at, String onlyPeriod) {
        return asOf.at(at, onlyPeriod);
    }
}
