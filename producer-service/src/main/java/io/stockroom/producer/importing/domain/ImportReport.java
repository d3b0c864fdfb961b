package io.stockroom.producer.importing.domain;

import java.util.List;

/** What an upload did, row by row. */
public record ImportReport(int accepted, int rejected, List<ImportRow> rows) {

    public ImportReport {
        rows = List.copyOf(rows);
    }
}
