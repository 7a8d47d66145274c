package org.programmeledger.ledger.sealing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A witness folder: {@code checkpoints.jsonl}, one JSON line per signed checkpoint, only ever appended to,
 * each with the public key that verifies it. Kept outside the store (and ideally on another host or a
 * write-once volume), it outlives a rewrite of the database.
 */
public final class FolderWitness implements Witness {

    public static final String FILE = "checkpoints.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FolderWitness(Path directory) {
        this.file = directory.resolve(FILE);
    }

    /** The witness file, which a backup of the store carries beside the database. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void witness(WitnessedCheckpoint checkpoint) {
        append(file, checkpoint);
    }

    /** Appends one checkpoint to a witness file, creating it and its folder when needed. */
    public static void append(Path file, WitnessedCheckpoint checkpoint) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(checkpoint) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the witness file " + file, e);
        }
    }

    @Override
    public Optional<WitnessedCheckpoint> newest() {
        return lastLine(file).map(line -> {
            try {
                return JSON.readValue(line, WitnessedCheckpoint.class);
            } catch (IOException e) {
                throw new IllegalStateException("the last line of the witness file " + file + " is not a signed "
                        + "checkpoint: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The file's last line, read from its end: a witness file grows by a line per checkpoint. */
    private static Optional<String> lastLine(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            while (end > 0) {
                in.seek(end - 1);
                if (in.read() != '\n') {
                    break;
                }
                end--;
            }
            long start = end;
            while (start > 0) {
                in.seek(start - 1);
                if (in.read() == '\n') {
                    break;
                }
                start--;
            }
            if (start == end) {
                return Optional.empty();
            }
            byte[] bytes = new byte[(int) (end - start)];
            in.seek(start);
            in.readFully(bytes);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness file " + file, e);
        }
    }
}
