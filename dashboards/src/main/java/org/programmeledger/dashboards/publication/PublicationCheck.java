package org.programmeledger.dashboards.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.programmeledger.dashboards.report.PositionRendering;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.facade.Verification;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.service.Publication;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Proves that a publication still matches the ledger: the hash chain still passes through the digest it
 * recorded, its files are the bytes it recorded, and rendering the ledger at its position again gives
 * those same bytes.
 */
@Component
public class PublicationCheck {

    private final Verification chain;
    private final PositionRendering rendering;
    private final Publisher publisher;

    PublicationCheck(Verification chain, PositionRendering rendering, Publisher publisher) {
        this.chain = chain;
        this.rendering = rendering;
        this.publisher = publisher;
    }

    /** One thing checked, and what was found. */
    public record Finding(boolean holds, String what) {
    }

    public record Result(String periodId, int number, List<Finding> findings) {

        public boolean holds() {
            return findings.stream().allMatch(Finding::holds);
        }
    }

    public Result check(Publication publication) throws IOException {
        PeriodPublished published = publication.published();
        List<Finding> findings = new ArrayList<>();
        VerifyReport verified = chain.verify(new Digest(published.position(), published.digest(), "", 0));
        findings.add(new Finding(verified.intact(), verified.intact()
                ? "the ledger verifies and still passes through the digest at position " + published.position()
                : "the ledger does not pass through the publication's digest: " + verified));
        Path folder = publisher.folder(published.periodId(), published.number());
        findings.add(compare("the files in " + folder, Files.isDirectory(folder)
                ? PositionRendering.files(folder).stream().filter(file -> !file.path().equals(Publisher.SUMS)
                        && !file.path().equals(Publisher.CHECKPOINT)).toList()
                : List.of(), published.files()));
        Path again = Files.createTempDirectory("ledger-publication-check-");
        try {
            findings.add(compare("the files rendered again at position " + published.position(),
                    rendering.render(published.periodId(), published.position(), again), published.files()));
        } finally {
            FileSystemUtils.deleteRecursively(again);
        }
        return new Result(published.periodId(), published.number(), findings);
    }

    private static Finding compare(String what, List<PublishedFile> found, List<PublishedFile> recorded) {
        Map<String, PublishedFile> byPath = found.stream().collect(Collectors.toMap(PublishedFile::path,
                Function.identity()));
        List<String> differences = new ArrayList<>();
        for (PublishedFile file : recorded) {
            PublishedFile other = byPath.remove(file.path());
            if (other == null) {
                differences.add(file.path() + " is missing");
            } else if (!Objects.equals(other.sha256(), file.sha256())) {
                differences.add(file.path() + " differs (SHA-256 " + other.sha256() + ", published " + file.sha256()
                        + ")");
            }
        }
        byPath.keySet().stream().sorted().forEach(path -> differences.add(path + " was not published"));
        return differences.isEmpty()
                ? new Finding(true, what + " match the " + recorded.size() + " published files byte for byte")
                : new Finding(false, what + " do not match: " + String.join("; ", differences));
    }
}
