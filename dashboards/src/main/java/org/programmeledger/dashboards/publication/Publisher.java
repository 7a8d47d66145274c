package org.programmeledger.dashboards.publication;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.dashboards.report.PositionRendering;
import org.programmeledger.ledger.api.PublishPeriod;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.facade.Verification;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.facade.PublicationRecords;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Publishes a plan period: renders its report and summary CSV files at the ledger's head into a folder
 * of their own, then records the publication, with the position, the digest there and every file's
 * SHA-256, as one event. The plan period refuses it unless its figures are approved and unchanged since;
 * then the rendered files are removed, and nothing is published.
 */
@Component
public class Publisher {

    /** The file in each publication folder that {@code sha256sum -c} checks. */
    public static final String SUMS = "SHA256SUMS";
    /** The signed checkpoint of the ledger the files were rendered from, as a witness line (docs/sealing.md). */
    public static final String CHECKPOINT = "checkpoint.jsonl";

    private final PositionRendering rendering;
    private final PublicationRecords publications;
    private final Verification chain;
    private final LedgerPosition head;
    private final CommandGateway commands;
    private final OutputSettings output;

    Publisher(PositionRendering rendering, PublicationRecords publications, Verification chain, LedgerPosition head,
              CommandGateway commands, OutputSettings output) {
        this.rendering = rendering;
        this.publications = publications;
        this.chain = chain;
        this.head = head;
        this.commands = commands;
        this.output = output;
    }

    /** What was published, and where its files are. */
    public record Published(String periodId, int number, long position, String digest, String folder,
                            List<PublishedFile> files) {
    }

    public Path folder(String periodId, int number) {
        return output.directory().resolve("publications").resolve(periodId).resolve(String.valueOf(number));
    }

    /**
     * @param recordedBy metadata for the command where no user is signed in (the local command line)
     */
    public Published publish(String periodId, String comment, Map<String, ?> recordedBy) throws IOException {
        int number = publications.of(periodId).size() + 1;
        long position = head.position();
        Digest digest = chain.digestAt(position);
        Path folder = folder(periodId, number);
        Path rendered = folder.resolveSibling(number + ".rendering");
        FileSystemUtils.deleteRecursively(rendered);
        try {
            List<PublishedFile> files = rendering.render(periodId, position, rendered);
            writeSums(rendered, files);
            // The signed checkpoint of the sealed ledger the files were rendered from: the folder is a witness too.
            chain.witnessCheckpointCovering(position, rendered.resolve(CHECKPOINT));
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new PublishPeriod(periodId, number, position, digest.hash(), files, comment)).andMetaData(recordedBy));
            // Left by an attempt that rendered but was not recorded; the ledger has no publication of that number.
            FileSystemUtils.deleteRecursively(folder);
            Files.move(rendered, folder, StandardCopyOption.ATOMIC_MOVE);
            return new Published(periodId, number, position, digest.hash(), folder.toString(), files);
        } finally {
            FileSystemUtils.deleteRecursively(rendered);
        }
    }

    private static void writeSums(Path folder, List<PublishedFile> files) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(SUMS), StandardCharsets.UTF_8)) {
            for (PublishedFile file : files) {
                out.write(file.sha256() + "  " + file.path() + "\n");
            }
        }
    }
}
