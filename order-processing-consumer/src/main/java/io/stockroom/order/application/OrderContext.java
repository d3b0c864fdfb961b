package io.stockroom.order.application;

import io.stockroom.stock.ledger.domain.Provenance;

import java.time.Instant;

/**
 * Who sent the command being handled, and when; enough for authorisation, ledger entries and outcomes, without
 * messaging types.
 *
 * @param admin  true when the actor holds the ADMIN role
 * @param sentAt when the command was sent
 * @param now    when the command is being handled
 */
public record OrderContext(String actor, boolean admin, String correlationId, Instant sentAt, Instant now) {

    public Provenance provenance(String note) {
        return new Provenance(actor, correlationId, note, now);
    }
}
