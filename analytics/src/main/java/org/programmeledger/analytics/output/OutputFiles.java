package org.programmeledger.analytics.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.programmeledger.ledger.hashing.Sha256;
import org.programmeledger.ledger.service.CanonicalJson;

/**
 * Writes outputs so that a reader never sees half a file: into a temporary file in the same folder,
 * then renamed over the target.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * A file to write to, beside the target, to be {@link #publish published} or deleted. It is created with
     * the process's umask (0644 under the usual 022), not owner-only as a temporary file would be, since
     * outputs are there to be read by others: the web server, colleagues in the group.
     */
    public static Path temporaryFor(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        while (true) {
            try {
                return Files.createFile(folder.resolve("." + target.getFileName() + "."
                        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }

    /** Renames a finished temporary file over its target and writes the provenance side file beside it. */
    public static Provenance publish(Path temporary, Path target, String job, Map<String, String> parameters,
                                     long ledgerPosition, String recordedAt) throws IOException {
        return publish(temporary, target, job, parameters, ledgerPosition, recordedAt, List.of());
    }

    /** As {@link #publish(Path, Path, String, Map, long, String)}, naming the records the job skipped. */
    public static Provenance publish(Path temporary, Path target, String job, Map<String, String> parameters,
                                     long ledgerPosition, String recordedAt, List<String> skipped) throws IOException {
        Provenance provenance = new Provenance(target.getFileName().toString(), job, parameters, ledgerPosition,
                recordedAt, sha256(temporary), skipped);
        Path sideFile = provenanceFile(target);
        Path sideTemporary = temporaryFor(sideFile);
        try (OutputStream out = Files.newOutputStream(sideTemporary)) {
            CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out, provenance);
        }
        move(sideTemporary, sideFile);
        move(temporary, target);
        return provenance;
    }

    /** Where an output's provenance is kept: {@code <file>.provenance.json}, beside it. */
    public static Path provenanceFile(Path output) {
        return output.resolveSibling(output.getFileName() + ".provenance.json");
    }

    /** The provenance beside an output; empty when there is none, or none that can be read. */
    public static Optional<Provenance> provenanceOf(Path output) {
        Path file = provenanceFile(output);
        try {
            return Files.isRegularFile(file) ? Optional.of(CanonicalJson.mapper().readValue(file.toFile(),
                    Provenance.class)) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static String sha256(Path file) throws IOException {
        return Sha256.hexOf(file);
    }

    /** Deletes a step's unfinished output, if it opened one (a step can fail before it does). */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete unfinished output " + file, e);
        }
    }
}
