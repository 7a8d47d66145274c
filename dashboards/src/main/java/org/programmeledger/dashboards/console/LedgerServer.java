package org.programmeledger.dashboards.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.programmeledger.analytics.reads.CatalogueMetric;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.reads.JobExecutionSummary;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.ledger.service.ImportUpdate;
import org.programmeledger.ledger.facade.PublicationRecords;
import org.programmeledger.ledger.service.PublicationChanges;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The running server's REST API as the command line calls it, signed in as the command's user. Every refusal
 * becomes one line ({@link ServerRefusal}): no server answers, the sign-in or the role was refused, or the problem
 * document's own detail.
 */
public final class LedgerServer {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final URI base;
    private final String user;
    private final RestClient http;

    public LedgerServer(URI base, SignIn signIn) {
        this.base = base;
        this.user = signIn.name();
        this.http = RestClient.builder().baseUrl(base.toString())
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultHeader(HttpHeaders.AUTHORIZATION, signIn.authorization())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw refusal(response);
                })
                .build();
    }

    public URI base() {
        return base;
    }

    /** A step towards publication (submission, approval, return), with its comment. */
    public void step(String period, String step, String comment) {
        call(() -> http.post().uri(uri -> period(uri, period).pathSegment(step).build())
                .contentType(MediaType.APPLICATION_JSON).body(comment(comment)).retrieve().toBodilessEntity());
    }

    /** Publishes the period; the answer is the publication feature's record of it. */
    public <T> T publish(String period, String comment, Class<T> publication) {
        return call(() -> http.post().uri(uri -> period(uri, period).pathSegment("publications").build())
                .contentType(MediaType.APPLICATION_JSON).body(comment(comment)).retrieve()
                .body(publication));
    }

    /** What changed since a publication; without a period, the publication N of the only period that has one. */
    public PublicationChanges changes(String period, int number) {
        return call(() -> http.get().uri(uri -> (period == null ? uri.path("/api/publications")
                        : period(uri, period).pathSegment("publications"))
                        .pathSegment(Integer.toString(number), "changes").build())
                .retrieve().body(PublicationChanges.class));
    }

    /** The server backs up its own store; the zip's path on the server's machine. */
    public String backup() {
        return call(() -> http.post().uri("/api/backups").contentType(MediaType.APPLICATION_JSON).retrieve()
                .body(new ParameterizedTypeReference<Map<String, String>>() {
                }).get("backup"));
    }

    public List<CatalogueMetric> metrics() {
        return call(() -> http.get().uri("/api/metrics").retrieve()
                .body(new ParameterizedTypeReference<List<CatalogueMetric>>() {
                }));
    }

    public List<JobExecutionSummary> jobs() {
        return call(() -> http.get().uri("/api/jobs").retrieve()
                .body(new ParameterizedTypeReference<List<JobExecutionSummary>>() {
                }));
    }

    /** Runs a job on the server's views, once they include every event recorded so far. */
    public JobReport runJob(String job, Map<String, String> parameters) {
        return call(() -> http.post().uri(uri -> {
                    uri.path("/api/jobs/{name}");
                    parameters.forEach(uri::queryParam);
                    return uri.build(job);
                }).contentType(MediaType.APPLICATION_JSON).retrieve().body(JobReport.class));
    }

    /**
     * Sends one CSV file, to be imported or tried ({@code dryRun}), following the rows the server has done; the
     * last update says what the file recorded or would record.
     */
    public ImportUpdate importFile(Path file, boolean dryRun, Consumer<ImportUpdate.RowsDone> progress) {
        return call(() -> http.post().uri(uri -> uri.path("/api/imports")
                        .queryParam("name", file.getFileName().toString()).queryParam("dryRun", dryRun).build())
                .contentType(CSV).accept(MediaType.parseMediaType(ImportUpdate.MEDIA_TYPE))
                .body(new FileSystemResource(file))
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw refusal(response);
                    }
                    return lastUpdate(response, progress);
                }));
    }

    private static ImportUpdate lastUpdate(ClientHttpResponse response, Consumer<ImportUpdate.RowsDone> progress)
            throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(),
                StandardCharsets.UTF_8))) {
            ImportUpdate update = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                update = JSON.readValue(line, ImportUpdate.class);
                if (update.progress() != null) {
                    progress.accept(update.progress());
                }
            }
            if (update == null || update.progress() != null) {
                throw new ServerRefusal("the server's answer ended before the import did", 1);
            }
            return update;
        }
    }

    private static UriBuilder period(UriBuilder uri, String period) {
        return uri.path("/api/plan-periods").pathSegment(period);
    }

    /** As bytes, so that the request declares its length, which the server requires. */
    private static byte[] comment(String comment) {
        try {
            return JSON.writeValueAsBytes(comment == null ? Map.of() : Map.of("comment", comment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new ServerRefusal("no server answers at " + base + "; is it running ('bin/ledger serve')?", 2);
            }
            throw new ServerRefusal("the server at " + base + " could not be reached: " + e.getMessage(), 2);
        }
    }

    private void call(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    /** A refusal in the words a user can act on; a bad parameter or an unknown name is a usage error (2). */
    private ServerRefusal refusal(ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        String detail = detail(response);
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            return new ServerRefusal("the server at " + base + " did not accept user '" + user + "' with that "
                    + "password; name the user with --user or $LEDGER_USER, and give the password with "
                    + "$LEDGER_PASSWORD or --password", 2);
        }
        boolean mistake = status.value() == HttpStatus.BAD_REQUEST.value()
                || status.value() == HttpStatus.NOT_FOUND.value();
        return new ServerRefusal("Refused (" + status.value() + "): " + detail
                + (status.value() == HttpStatus.FORBIDDEN.value() ? " (signed in as " + user + ")" : ""),
                mistake ? 2 : 1);
    }

    /** The problem document's detail, or the body as it came when it is none. */
    private static String detail(ClientHttpResponse response) throws IOException {
        byte[] body = response.getBody().readAllBytes();
        try {
            String detail = JSON.readValue(body, ProblemDetail.class).getDetail();
            if (detail != null) {
                return detail;
            }
        } catch (IOException notAProblem) {
            // answered below with the body itself
        }
        return new String(body, StandardCharsets.UTF_8).strip();
    }
}
