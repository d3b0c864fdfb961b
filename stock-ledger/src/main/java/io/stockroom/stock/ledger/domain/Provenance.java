package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.Require;

import java.time.Instant;

/** Who caused a movement and why, as the ledger records it. */
public record Provenance(String actor, String correlationId, String note, Instant at) {

    public Provenance {
        Require.id("actor", actor);
        note = Require.optionalText("note", note, 500);
        Require.notNull("at", at);
    }
}
