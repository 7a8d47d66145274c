package org.programmeledger.ledger.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.programmeledger.ledger.sealing.FolderWitness;
import org.programmeledger.ledger.sealing.SealingSettings;
import org.programmeledger.ledger.service.StoreDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Consistent copies of the embedded store while the application runs (H2's online BACKUP, which copies
 * the database as of one moment without stopping writers), and their restoring into an empty folder.
 * PostgreSQL stores are backed up with PostgreSQL's own tools (see the README).
 */
@Component
public class StoreBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Where a backup carries the store's witness file. */
    private static final String WITNESS_ENTRY = "witness/" + FolderWitness.FILE;

    private final JdbcTemplate jdbc;
    private final FolderWitness witness;

    StoreBackup(JdbcTemplate jdbc, FolderWitness witness) {
        this.jdbc = jdbc;
        this.witness = witness;
    }

    /** The backup of a store made at a time: {@code backups/ledger-<time>.zip} beside the store's folder. */
    public static Path defaultFile(Path store, Instant at) {
        return store.toAbsolutePath().resolveSibling("backups").resolve("ledger-" + STAMP.format(at) + ".zip");
    }

    /** Writes a zip holding the store as of now; the file is complete or absent. */
    public void backupTo(Path zip) throws IOException {
        StoreDatabase database = StoreDatabase.of(jdbc);
        if (database != StoreDatabase.H2) {
            throw new IllegalStateException("this store is on " + database + ": back it up with its own tools "
                    + "(pg_dump or base backups, see the README)");
        }
        Path target = zip.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        jdbc.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
        // The witness goes with the database: a store restored without it could not tell a rewound tree.
        if (Files.isRegularFile(witness.file())) {
            try (FileSystem zipped = FileSystems.newFileSystem(partial)) {
                Path entry = zipped.getPath(WITNESS_ENTRY);
                Files.createDirectories(entry.getParent());
                Files.copy(witness.file(), entry);
            }
        }
        ownerOnly(partial);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A backup is the whole store, unpublished figures included, and is often copied elsewhere: unlike the
     * outputs, it is readable by its owner only (where the file system has POSIX permissions).
     */
    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * Unpacks a backup into a store folder that holds no store yet, and the witness file it carries into the
     * store's default witness folder when that holds none.
     */
    public static void restore(Path zip, Path store) throws IOException {
        if (Files.exists(store.resolve("ledger.mv.db"))) {
            throw new IllegalStateException(store + " already holds a store; restore into an empty folder");
        }
        Files.createDirectories(store);
        boolean found = false;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("ledger.mv.db")) {
                    Files.copy(entries, store.resolve("ledger.mv.db"));
                    found = true;
                } else if (entry.getName().equals(WITNESS_ENTRY)) {
                    Path witnessed = SealingSettings.defaultWitnessDirectory(store).resolve(FolderWitness.FILE);
                    // A witness there already holds what it was handed: it is kept, never overwritten.
                    if (Files.notExists(witnessed)) {
                        Files.createDirectories(witnessed.getParent());
                        Files.copy(entries, witnessed);
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalStateException(zip + " is not a backup of a ledger store (no ledger.mv.db in it)");
        }
    }
}
