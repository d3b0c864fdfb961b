package io.stockroom.support.messaging;

import io.stockroom.contracts.MessageType;

import java.time.Instant;

/**
 * What a consumer knows about a delivered message besides its payload.
 *
 * @param redelivered the broker's flag: this delivery follows an earlier one that was not acknowledged
 */
public record MessageMetadata(String messageId, String correlationId, String causationId, MessageType type,
                              int schemaVersion, Instant timestamp, Actor actor, boolean redelivered) {
}
