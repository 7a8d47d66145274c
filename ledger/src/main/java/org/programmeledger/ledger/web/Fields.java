package org.programmeledger.ledger.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.service.BadRequest;
import org.programmeledger.ledger.service.FieldProblem;

/**
 * Reads the coded fields of a request (sides, qualifiers, dates) with the import format's parsers,
 * collecting every problem so that one answer names them all.
 */
public final class Fields {

    private final List<FieldProblem> problems = new ArrayList<>();

    public <T> T code(String field, String value, Function<String, T> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    public Extent extent(String field, String value) {
        return code(field, value == null ? "" : value, Extent::parse);
    }

    /** Throws {@link BadRequest} naming every problem found so far. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new BadRequest(problems);
        }
    }
}
