package io.stockroom.stock;

import io.stockroom.stock.ledger.domain.Provenance;

import java.time.Instant;

/**
 * Who sent the command being handled, and when; enough for ledger entries and outcomes, without messaging types.
 *
 * @param sentAt when the command was sent
 * @param now    when it is being handled
 */
public record CommandContext(String actor, String correlationId, Instant sentAt, Instant now) {

    public Provenance provenance(String note) {
        return new Provenance(actor, correlationId, note, now);
    }
}
