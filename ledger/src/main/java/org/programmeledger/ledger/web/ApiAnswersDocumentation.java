package org.programmeledger.ledger.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.service.FullDisk;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents every status an operation of the API can answer, each refusal as a problem document with an example,
 * as {@link ApiProblems}, the security filters and the request filters answer them; springdoc alone lists only 200.
 */
@Component
class ApiAnswersDocumentation implements OpenApiCustomizer {

    private static final String PROBLEM = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** The collections a POST adds to, answering 201 with the new resource's Location. */
    private static final List<String> CREATED = List.of("/programmes", "/organisations", "/plan-periods", "/items",
            "/activities", "/figures", "/metrics", "/publications");

    /** A status, what it means for any operation, and an example problem document. */
    private record Refusal(String status, String meaning, String title, String detail, Map<String, Object> more) {

        Refusal(String status, String title, String detail, Map<String, Object> more) {
            this(status, title, title, detail, more);
        }

        Refusal(String status, String title, String detail) {
            this(status, title, title, detail, Map.of());
        }
    }

    private static final Refusal BAD_REQUEST = new Refusal("400", "Bad request",
            "date: 'December 2020' is not a date; kind: 'lecture' is not a activity kind",
            Map.of("errors", List.of(Map.of("field", "date", "message", "'December 2020' is not a date"),
                    Map.of("field", "kind", "message", "'lecture' is not a activity kind"))));
    private static final Refusal UNAUTHORIZED = new Refusal("401", "Unauthorized",
            "Sign in with a user name and password.");
    private static final Refusal FORBIDDEN = new Refusal("403", "Forbidden", "Your role may not do this.");
    private static final Refusal NOT_FOUND = new Refusal("404", "Not Found",
            "'gdhk-ipr-2020-mid-2023' is not in the ledger");
    private static final Refusal CONFLICT = new Refusal("409", "A stale If-Match version, an identifier taken by "
            + "another record, or a job that is running already", "Stale version",
            "plan period gdhk-ipr-2020-mid-2022 is at version 4, not 3; read it again and retry",
            Map.of("expectedVersion", 3, "currentVersion", 4));
    private static final Refusal TOO_LARGE = new Refusal("413", "Payload Too Large",
            "The body must declare its length and be at most 65536 bytes.");
    private static final Refusal UNSUPPORTED = new Refusal("415", "Unsupported Media Type",
            "Send Content-Type: application/json (text/csv for an import), also when the body is empty.");
    private static final Refusal RULE = new Refusal("422", "Refused by a rule of the ledger",
            "the range of activity 2.6 ends (2021-04-30) before it starts (2021-05-01)");
    private static final Refusal THROTTLED = new Refusal("429", "Too Many Requests",
            "Too many failed sign-ins; retry in 30 s.");
    private static final Refusal UNAVAILABLE = new Refusal("503", ApiProblems.UNAVAILABLE,
            ApiProblems.UNAVAILABLE_DETAIL);
    private static final Refusal STORE_FULL = new Refusal("507", ApiProblems.STORE_FULL,
            ApiProblems.storeFullDetail(FullDisk.NO_SPACE));

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas("Problem", new ObjectSchema().description("RFC 9457 problem document")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema()));
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                operations(item).forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        Map<PathItem.HttpMethod, Operation> operations = new LinkedHashMap<>();
        if (item.getGet() != null) {
            operations.put(PathItem.HttpMethod.GET, item.getGet());
        }
        if (item.getPost() != null) {
            operations.put(PathItem.HttpMethod.POST, item.getPost());
        }
        return operations;
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean post = method == PathItem.HttpMethod.POST;
        if (post && CREATED.stream().anyMatch(path::endsWith) && responses.containsKey("200")) {
            ApiResponse created = responses.remove("200").description("Recorded: the new resource, and the plan "
                    + "period's version as ETag");
            created.addHeaderObject("Location", new Header().description("the new resource")
                    .schema(new StringSchema()));
            responses.addApiResponse("201", created);
        }
        if (post) {
            add(responses, BAD_REQUEST);
        }
        add(responses, UNAUTHORIZED);
        if (post || path.startsWith("/api/audit/")) {
            add(responses, FORBIDDEN);
        }
        if (path.contains("{")) {
            add(responses, NOT_FOUND);
        }
        if (post) {
            add(responses, CONFLICT);
            add(responses, TOO_LARGE);
            add(responses, UNSUPPORTED);
            add(responses, RULE);
            add(responses, STORE_FULL);
        }
        add(responses, THROTTLED);
        add(responses, UNAVAILABLE);
        operation.setResponses(responses);
    }

    /** An operation's own answer for a status (an import's 422, a job's 409) is kept. */
    private static void add(ApiResponses responses, Refusal refusal) {
        if (responses.containsKey(refusal.status())) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", refusal.title());
        example.put("status", Integer.parseInt(refusal.status()));
        example.put("detail", refusal.detail());
        example.put("instance", "/api/plan-periods/gdhk-ipr-2020-mid-2022/activities");
        example.putAll(refusal.more());
        Schema<?> problem = new ObjectSchema().$ref("#/components/schemas/Problem");
        responses.addApiResponse(refusal.status(), new ApiResponse().description(refusal.meaning())
                .content(new Content().addMediaType(PROBLEM, new MediaType().schema(problem).example(example))));
    }
}
