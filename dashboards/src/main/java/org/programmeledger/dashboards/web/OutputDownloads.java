package org.programmeledger.dashboards.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.ledger.service.CanonicalJson;
import org.springframework.stereotype.Component;

/**
 * The files the jobs wrote under the output folder, offered for download with the ledger position each was built
 * from (its provenance file, beside it, is linked rather than listed). Only the known folders are
 * listed and only plain file names are accepted, so a request cannot reach outside them.
 */
@Component
class OutputDownloads {

    static final List<String> FOLDERS = List.of("csv", "charts", "report");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final String PROVENANCE = ".provenance.json";

    /**
     * A file offered for download, by folder and name.
     *
     * @param builtAt the ledger position its provenance names; null when it has none
     */
    record Download(String folder, String name, long bytes, Long builtAt) {

        public String url() {
            return "/downloads/" + folder + "/" + name;
        }

        public String provenanceUrl() {
            return builtAt == null ? null : url() + PROVENANCE;
        }
    }

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private final OutputSettings output;

    OutputDownloads(OutputSettings output) {
        this.output = output;
    }

    List<Download> list() {
        List<Download> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path directory = output.directory().resolve(folder);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(Files::isRegularFile)
                        .map(file -> file.getFileName().toString())
                        .filter(name -> FILE_NAME.matcher(name).matches() && !name.endsWith(PROVENANCE))
                        .sorted()
                        .forEach(name -> files.add(new Download(folder, name, size(directory.resolve(name)),
                                builtAt(directory.resolve(name + PROVENANCE)))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The file, if the folder is one of ours and the name a plain file name that exists in it. */
    Optional<Path> find(String folder, String name) {
        if (!FOLDERS.contains(folder) || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        Path directory = output.directory().resolve(folder).toAbsolutePath().normalize();
        Path file = directory.resolve(name).normalize();
        return file.getParent().equals(directory) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The position an output's provenance names; null without one, or with one this version cannot read. */
    private static Long builtAt(Path provenance) {
        if (!Files.isRegularFile(provenance)) {
            return null;
        }
        try {
            JsonNode position = JSON.readTree(provenance.toFile()).path("ledgerPosition");
            return position.isIntegralNumber() ? position.asLong() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
