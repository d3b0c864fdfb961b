package io.stockroom.producer.command.domain;

/** Where a submitted command stands, as far as the producer knows. */
public enum ActionStatus {
    /** Recorded and sent (or being sent); no outcome yet. */
    PENDING,
    /** The consumer applied it. */
    APPLIED,
    /** The consumer refused it (reason code says why), or the broker never took it ({@code NOT_SENT}). */
    REJECTED
}
