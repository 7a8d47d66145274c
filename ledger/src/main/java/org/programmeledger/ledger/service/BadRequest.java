package org.programmeledger.ledger.service;

import java.util.List;

/** A request whose fields cannot become a command; answered with 400 and every bad field. */
public class BadRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    public BadRequest(List<FieldProblem> problems) {
        super(problems.size() + " bad field" + (problems.size() == 1 ? "" : "s"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
