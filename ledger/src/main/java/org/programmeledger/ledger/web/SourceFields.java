package org.programmeledger.ledger.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.programmeledger.ledger.api.SourceReference;

/** Where a value comes from besides its quoted passage, as a request body gives it; every part optional. */
public record SourceFields(@Size(max = 1000) String document,
                           @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "is YYYY, YYYY-MM or YYYY-MM-DD")
                           String date,
                           @Size(max = 255) String location,
                           @Size(max = 2000) @Pattern(regexp = "https?://.+", message = "is an http(s) address")
                           String link) {

    public static SourceReference of(SourceFields fields) {
        return fields == null ? null
                : SourceReference.of(fields.document(), fields.date(), fields.location(), fields.link());
    }
}
