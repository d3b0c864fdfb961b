package io.stockroom.support.messaging;

/**
 * Why a message went to its queue's dead-letter queue; carried in the {@code x-failure-reason} header and as a
 * metric tag. None of these is retried: the same message would fail the same way.
 */
public enum DeadLetterReason {
    /** The body is not valid JSON for the type, or breaks the contract's rules. */
    MALFORMED_PAYLOAD,
    /** The type header is missing or names no known message. */
    UNKNOWN_TYPE,
    /** A required header (message id, timestamp, actor, schema version) is missing or unreadable. */
    MISSING_HEADER,
    /** The schema version is one this consumer does not understand. */
    UNSUPPORTED_SCHEMA_VERSION,
    /** The body exceeds the configured size limit. */
    PAYLOAD_TOO_LARGE,
    /** A command without a signature. */
    UNSIGNED,
    /** A command signed with a key this consumer does not know. */
    UNKNOWN_SIGNING_KEY,
    /** A command whose signature does not match its body and headers (forged or altered). */
    BAD_SIGNATURE,
    /** The actor lacks a role the command requires. */
    FORBIDDEN,
    /** A message id this queue already processed, published again (not a broker redelivery). */
    REPLAYED,
    /** Older than the replay window. */
    EXPIRED,
    /** A valid message this service has no handler for (a binding mistake). */
    NOT_HANDLED_HERE,
    /** The handler kept failing after every retry. */
    PROCESSING_FAILED
}
