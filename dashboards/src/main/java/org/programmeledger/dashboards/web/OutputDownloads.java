package org.programmeledger.dashboards.web;

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
import org.springframework.stereotype.Component;

/**
 * The files the jobs wrote under the output folder, offered for download. Only the known folders are
 * listed and only plain file names are accepted, so a request cannot reach outside them.
 */
@Component
class OutputDownloads {

    static final List<String> FOLDERS = List.of("csv", "charts", "report");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A file offered for download, by folder and name. */
    record Download(String folder, String name, long bytes) {

        public String url() {
            return "/downloads/" + folder + "/" + name;
        }
    }

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
                        .filter(name -> FILE_NAME.matcher(name).matches())
                        .sorted()
                        .forEach(name -> files.add(new Download(folder, name, size(directory.resolve(name)))));
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
