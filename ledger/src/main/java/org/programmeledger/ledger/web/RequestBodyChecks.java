package org.programmeledger.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.programmeledger.ledger.service.BadRequest;
import org.programmeledger.ledger.service.FieldProblem;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A body with a field of the wrong type is answered with that field and every other bad one ({@link WrongTypes}
 * leaves the wrong ones empty; the body's constraints are checked here, as {@code @Valid} would check them after).
 */
@RestControllerAdvice
class RequestBodyChecks extends RequestBodyAdviceAdapter {

    private final Validator validator;

    RequestBodyChecks(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) {
        WrongTypes.startNoting();
        return message;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldProblem> wrongTypes = WrongTypes.noted();
        if (wrongTypes.isEmpty()) {
            return body;
        }
        Set<String> named = wrongTypes.stream().map(FieldProblem::field).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>(wrongTypes);
        if (parameter.hasParameterAnnotation(Valid.class)) {
            validator.validate(body).stream()
                    .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                    .filter(problem -> !named.contains(problem.field()))
                    .forEach(problems::add);
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        throw new BadRequest(problems);
    }
}
