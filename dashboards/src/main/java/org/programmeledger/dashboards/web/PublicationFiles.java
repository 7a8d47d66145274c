package org.programmeledger.dashboards.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.dashboards.publication.Publisher;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.facade.PublicationRecords;
import org.programmeledger.ledger.service.Publication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The publications of each plan period as the ledger registered them, with every file's SHA-256, checked against
 * the file kept under the output folder; and the download of those files. Only a file the publication's event
 * names is served, so a request cannot reach anything else.
 */
@RestController
class PublicationFiles {

    /** A published file and whether the kept copy still has the published bytes. */
    record Kept(PublishedFile file, String url, State state) {
    }

    enum State { INTACT, ALTERED, MISSING }

    /** A publication with its files, for the downloads page. */
    record Listed(PeriodView period, Publication publication, List<Kept> files) {
    }

    private final PublicationRecords publications;
    private final Publisher publisher;

    PublicationFiles(PublicationRecords publications, Publisher publisher) {
        this.publications = publications;
        this.publisher = publisher;
    }

    List<Listed> list(List<PeriodView> periods) {
        return periods.stream().flatMap(period -> publications.of(period.periodId()).stream()
                .map(publication -> new Listed(period, publication, publication.published().files().stream()
                        .map(file -> new Kept(file, url(period.periodId(), publication.number(), file.path()),
                                state(period.periodId(), publication.number(), file))).toList()))).toList();
    }

    @GetMapping("/publications/{periodId}/{number}/file")
    ResponseEntity<Resource> download(@PathVariable String periodId, @PathVariable int number,
                                      @RequestParam String path) {
        Publication publication = publications.find(periodId, number)
                .orElseThrow(() -> PageRefusal.notFound("notFound.publication", Integer.toString(number), periodId));
        PublishedFile published = publication.published().files().stream().filter(file -> file.path().equals(path))
                .findFirst().orElseThrow(() -> PageRefusal.notFound("notFound.publishedFile", path,
                        Integer.toString(number)));
        Path file = publisher.folder(periodId, number).resolve(published.path());
        if (!Files.isRegularFile(file)) {
            throw PageRefusal.notFound("notFound.publishedFile", path, Integer.toString(number));
        }
        String name = file.getFileName().toString();
        MediaType type = name.endsWith(".csv") ? MediaType.valueOf("text/csv;charset=UTF-8")
                : MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        // The digest the ledger registered (RFC 9530), so that a client can check what it received.
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(published.sha256())) + ":")
                .body(new FileSystemResource(file));
    }

    private static String url(String periodId, int number, String path) {
        return UriComponentsBuilder.fromPath("/publications/{p}/{n}/file")
                .queryParam("path", path).encode().buildAndExpand(periodId, number).toUriString();
    }

    private State state(String periodId, int number, PublishedFile published) {
        Path file = publisher.folder(periodId, number).resolve(published.path());
        if (!Files.isRegularFile(file)) {
            return State.MISSING;
        }
        try {
            return OutputFiles.sha256(file).equals(published.sha256()) ? State.INTACT : State.ALTERED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
