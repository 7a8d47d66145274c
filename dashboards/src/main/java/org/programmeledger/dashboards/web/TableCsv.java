package org.programmeledger.dashboards.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.programmeledger.ledger.service.CsvCells;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A dashboard table as a CSV download, in the one CSV dialect of every output. */
final class TableCsv {

    private TableCsv() {
    }

    static ResponseEntity<String> of(String fileName, List<String> header, Stream<List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CsvCells.format(header.toArray(String[]::new)))) {
            for (List<?> row : (Iterable<List<?>>) rows::iterator) {
                printer.printRecord(row.stream().map(CsvCells::cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(out.toString());
    }
}
