package org.programmeledger.benchmarks.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.service.ImportFormat;

/**
 * Writes a synthetic history as the secretariat's import files (README, "The import format"), at most
 * {@code rowsPerFile} rows a file, so that the importer records each file in one transaction of many
 * commands. Corrections have no import format (they are sent as commands), so they are kept apart.
 */
public final class ImportFiles {

    private final Path folder;
    private final int rowsPerFile;
    private final Map<ImportFormat, Open> open = new EnumMap<>(ImportFormat.class);
    private final List<Path> written = new ArrayList<>();
    private final List<CorrectFigure> corrections = new ArrayList<>();
    private long rows;

    private ImportFiles(Path folder, int rowsPerFile) {
        this.folder = folder;
        this.rowsPerFile = rowsPerFile;
    }

    /** What was written: the files in recording order, the corrections to send, and how many rows in all. */
    public record Written(List<Path> files, List<CorrectFigure> corrections, long rows) {
    }

    public static Written write(SyntheticHistory history, Path folder, int rowsPerFile) {
        ImportFiles files = new ImportFiles(folder, rowsPerFile);
        try {
            Files.createDirectories(folder);
            history.forEachCommand(files::add);
            for (Open file : files.open.values()) {
                file.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> ordered = files.written.stream().sorted().toList();
        return new Written(ordered, List.copyOf(files.corrections), files.rows);
    }

    private void add(Object command) {
        if (command instanceof CorrectFigure correction) {
            corrections.add(correction);
            return;
        }
        try {
            ImportFormat format = formatOf(command);
            Open file = open.get(format);
            if (file == null || file.rows == rowsPerFile) {
                if (file != null) {
                    file.close();
                }
                file = new Open(format, written.size());
                open.put(format, file);
            }
            file.printer.printRecord(row(command));
            file.rows++;
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The import format of a command, and its cells in the order of the format's columns. */
    private static ImportFormat formatOf(Object command) {
        if (command instanceof EstablishProgramme) {
            return ImportFormat.PROGRAMMES;
        } else if (command instanceof RegisterOrganisation) {
            return ImportFormat.ORGANISATIONS;
        } else if (command instanceof OpenPlanPeriod) {
            return ImportFormat.PLAN_PERIODS;
        } else if (command instanceof RegisterItem) {
            return ImportFormat.ITEMS;
        } else if (command instanceof RecordActivity) {
            return ImportFormat.ACTIVITIES;
        } else if (command instanceof RecordFigure) {
            return ImportFormat.FIGURES;
        } else if (command instanceof CompleteItem) {
            return ImportFormat.ITEM_COMPLETIONS;
        }
        throw new IllegalArgumentException("no import format for " + command.getClass().getSimpleName());
    }

    private static List<Object> row(Object command) {
        if (command instanceof EstablishProgramme c) {
            return List.of(c.programmeId(), c.name(), "synthetic");
        } else if (command instanceof RegisterOrganisation c) {
            return List.of(c.organisationId(), c.name(), c.abbreviation(), c.side().code(), "synthetic");
        } else if (command instanceof OpenPlanPeriod c) {
            return List.of(c.periodId(), c.programmeId(), c.label(), c.startsOn(), c.endsOn(), "synthetic");
        } else if (command instanceof RegisterItem c) {
            return List.of(c.periodId(), c.number(), c.title(), c.area(), c.newInPeriod() ? "yes" : "no",
                    String.join(";", c.leadOrganisations()), String.join(";", c.participatingOrganisations()),
                    c.source());
        } else if (command instanceof RecordActivity c) {
            return List.of(c.periodId(), c.activityId(), c.itemNumber(), c.kind().code(), c.title(),
                    String.join(";", c.organisers()), String.join(";", c.supporters()), c.mode().code(),
                    c.date().text(), c.source());
        } else if (command instanceof RecordFigure c) {
            return List.of(c.periodId(), c.figureId(), c.itemNumber(), c.activityId() == null ? "" : c.activityId(),
                    c.metric(), c.value().toPlainString(), c.unit(), c.qualifier().code(), c.side().code(),
                    c.extent().text(), c.basis().code(), c.source());
        } else if (command instanceof CompleteItem c) {
            return List.of(c.periodId(), c.number(), "synthetic");
        }
        throw new IllegalArgumentException("no import format for " + command.getClass().getSimpleName());
    }

    /** A file being written: its name orders it after earlier kinds and earlier files of its kind. */
    private final class Open {
        private final CSVPrinter printer;
        private int rows;

        Open(ImportFormat format, int sequence) throws IOException {
            Path file = folder.resolve(String.format("%d-%s-%06d.csv", format.ordinal(),
                    format.name().toLowerCase().replace('_', '-'), sequence));
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(format.columns().toArray(String[]::new)).get());
            written.add(file);
        }

        void close() throws IOException {
            printer.close();
        }
    }
}
