package io.stockroom.support.messaging;

/**
 * Who and what a published message belongs to.
 *
 * @param correlationId the user request the message is part of; every message it causes carries the same id
 * @param causationId   the id of the request or message that directly caused this one
 * @param actor         the user (for commands) or the cause's user (for events)
 */
public record PublishContext(String correlationId, String causationId, Actor actor) {

    public PublishContext {
        if (correlationId == null || correlationId.isBlank()) {
            throw new IllegalArgumentException("correlationId is required");
        }
        if (actor == null) {
            throw new IllegalArgumentException("actor is required");
        }
    }
}
