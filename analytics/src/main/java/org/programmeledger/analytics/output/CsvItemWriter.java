package org.programmeledger.analytics.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.programmeledger.ledger.service.CsvCells;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamWriter;

/**
 * Writes a step's items as CSV rows to a temporary file, and publishes it under its real name with
 * its provenance only when the step completes; a failed step leaves no file behind.
 * A restarted step writes the whole file again, so the writer keeps no restart state.
 */
public class CsvItemWriter<T> implements ItemStreamWriter<T>, StepExecutionListener {

    private final Path target;
    private final String[] header;
    private final Function<T, Stream<List<Object>>> toRows;
    private final String job;
    private final Map<String, String> parameters;
    private final long ledgerPosition;
    private final String recordedAt;
    private Path temporary;
    private CSVPrinter printer;

    public CsvItemWriter(Path target, List<String> header, Function<T, List<Object>> toRow, String job,
                         Map<String, String> parameters, long ledgerPosition, String recordedAt) {
        this(target, header, job, parameters, ledgerPosition, recordedAt, item -> Stream.of(toRow.apply(item)));
    }

    /**
     * A writer of items that each make any number of rows (none included), made one at a time as they are printed:
     * an item of many rows never holds all their cells.
     */
    public static <T> CsvItemWriter<T> rowsOf(Path target, List<String> header,
                                              Function<T, Stream<List<Object>>> toRows, String job,
                                              Map<String, String> parameters, long ledgerPosition, String recordedAt) {
        return new CsvItemWriter<>(target, header, job, parameters, ledgerPosition, recordedAt, toRows);
    }

    private CsvItemWriter(Path target, List<String> header, String job, Map<String, String> parameters,
                          long ledgerPosition, String recordedAt, Function<T, Stream<List<Object>>> toRows) {
        this.target = target;
        this.header = header.toArray(String[]::new);
        this.toRows = toRows;
        this.job = job;
        this.parameters = Map.copyOf(parameters);
        this.ledgerPosition = ledgerPosition;
        this.recordedAt = recordedAt;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            temporary = OutputFiles.temporaryFor(target);
            Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CsvCells.format(header));
        } catch (IOException e) {
            throw new ItemStreamException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Chunk<? extends T> chunk) throws IOException {
        try {
            for (T item : chunk) {
                for (Iterator<List<Object>> rows = toRows.apply(item).iterator(); rows.hasNext(); ) {
                    for (Object cell : rows.next()) {
                        printer.print(CsvCells.cell(cell));
                    }
                    printer.println();
                }
            }
            printer.flush();
        } catch (IOException e) {
            // "No space left on device" alone does not say which output failed.
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            closePrinter();
            if (ExitStatus.COMPLETED.equals(stepExecution.getExitStatus())) {
                Provenance provenance = OutputFiles.publish(temporary, target, job, parameters, ledgerPosition,
                        recordedAt, SkippedRecords.of(stepExecution));
                stepExecution.getExecutionContext().putString("output", target.toString());
                stepExecution.getExecutionContext().putString("sha256", provenance.sha256());
            } else {
                OutputFiles.deleteQuietly(temporary);
            }
            return stepExecution.getExitStatus();
        } catch (IOException | UncheckedIOException e) {
            OutputFiles.deleteQuietly(temporary);
            stepExecution.addFailureException(e);
            stepExecution.setStatus(BatchStatus.FAILED);
            return ExitStatus.FAILED.addExitDescription("cannot publish " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            closePrinter();
        } catch (IOException e) {
            throw new ItemStreamException("cannot close " + temporary, e);
        }
    }

    private void closePrinter() throws IOException {
        if (printer != null) {
            printer.close(true);
            printer = null;
        }
    }
}
