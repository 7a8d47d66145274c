package org.programmeledger.ledger.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A small HTTP client for tests against the real server: user, headers, body, answer. */
public final class Http {

    public static final String SECRETARIAT = "sam:secretariat-test";
    public static final String AUDITOR = "ada:auditor-test";
    public static final String VIEWER = "vic:viewer-test";
    public static final String APPROVER = "april:approver-test";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private String credentials = SECRETARIAT;
    private final List<String> headers = new ArrayList<>();

    private Http(String base) {
        this.base = base;
    }

    public static Http on(int port) {
        return new Http("http://localhost:" + port);
    }

    /** As this user ("name:password"), or anonymously when null. */
    public Http as(String credentials) {
        Http copy = new Http(base);
        copy.credentials = credentials;
        copy.headers.addAll(headers);
        return copy;
    }

    public Http header(String name, String value) {
        Http copy = as(credentials);
        copy.headers.add(name);
        copy.headers.add(value);
        return copy;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> postCsv(String path, String csv) {
        return send(request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    /** As a page's form posts: URL-encoded fields ("a=1&b=2"), or none. */
    public HttpResponse<String> postForm(String path, String fields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (credentials != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
