package io.stockroom.producer.importing.domain;

import java.io.Serializable;
import java.util.List;

/**
 * The result of one CSV row.
 *
 * @param row       1-based line number in the upload (the header is line 1)
 * @param status    ACCEPTED (sent now), DUPLICATE (this exact row was sent before; nothing sent again), REJECTED,
 *                  or VALID (a dry run found nothing wrong; nothing was sent)
 * @param commandId the item command's id (the receipt's id is this plus {@code -receive})
 */
public record ImportRow(int row, String sku, String status, String commandId, List<String> errors)
        implements Serializable {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";
    public static final String VALID = "VALID";

    public ImportRow {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }
}
