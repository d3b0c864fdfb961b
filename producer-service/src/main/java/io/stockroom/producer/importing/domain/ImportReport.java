package io.stockroom.producer.importing.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What an upload did, row by row. Serializable: it travels to the next page as a flash attribute, in the session that
 * every producer instance shares.
 */
public record ImportReport(int accepted, int rejected, List<ImportRow> rows) implements Serializable {

    public ImportReport {
        rows = List.copyOf(rows);
    }
}
