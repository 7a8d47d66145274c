package org.programmeledger.ledger.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/** The answers of the command API, and the reading of the headers that come with commands. */
public final class Answers {

    private Answers() {
    }

    /** What a command did: the resource it concerns, and the version of its aggregate afterwards. */
    public record Recorded(String resource, Long version) {
    }

    /**
     * The path of a resource: a collection's path followed by segments, each percent-encoded, so that the
     * Location header can be built whatever an identifier recorded before {@code LedgerIds} holds: an answer
     * never fails after the write.
     */
    public static String resource(String collection, Object... segments) {
        StringBuilder path = new StringBuilder(collection);
        for (Object segment : segments) {
            path.append('/').append(UriUtils.encodePathSegment(String.valueOf(segment), StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    public static ResponseEntity<Recorded> created(String resource, Long version) {
        return withVersion(ResponseEntity.created(URI.create(resource)), resource, version);
    }

    public static ResponseEntity<Recorded> done(String resource, Long version) {
        return withVersion(ResponseEntity.status(HttpStatus.OK), resource, version);
    }

    private static ResponseEntity<Recorded> withVersion(ResponseEntity.BodyBuilder builder, String resource,
                                                        Long version) {
        if (version != null) {
            builder.eTag("\"" + version + "\"");
        }
        return builder.body(new Recorded(resource, version));
    }

    /** The version in an If-Match header ({@code "5"} or {@code 5}), or null when there is none. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String version = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.valueOf(version);
        } catch (NumberFormatException e) {
            throw new BadRequest(List.of(new FieldProblem("If-Match",
                    "'" + ifMatch + "' is not a version; send the ETag you were given, e.g. \"5\"")));
        }
    }
}
