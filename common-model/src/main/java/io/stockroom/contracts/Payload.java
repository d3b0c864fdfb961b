package io.stockroom.contracts;

/**
 * The body of every message the system sends over the broker: a {@link Command} asks one service to change something, an
 * {@link Event} says what changed. The hierarchy is sealed, so a switch over it is checked for exhaustiveness by the
 * compiler, and {@link MessageType} maps every permitted record to its routing key.
 */
public sealed interface Payload permits Command, Event {
}
