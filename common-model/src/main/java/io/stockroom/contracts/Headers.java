package io.stockroom.contracts;

/**
 * Names of the application headers every message carries. Message id, correlation id, type and timestamp travel in
 * the standard AMQP properties of the same names.
 */
public final class Headers {

    /** Id of the message that caused this one (for a command: the HTTP request's id). */
    public static final String CAUSATION_ID = "x-causation-id";
    /** Integer schema version of the payload; see {@link SchemaVersion}. */
    public static final String SCHEMA_VERSION = "x-schema-version";
    /** User name of whoever asked for this message to be sent. */
    public static final String ACTOR = "x-actor";
    /** Comma-separated roles of the actor, e.g. {@code ADMIN,USER}. */
    public static final String ACTOR_ROLES = "x-actor-roles";
    /** Base64url HMAC-SHA256 signature over the canonical form of the message; see the signing code. */
    public static final String SIGNATURE = "x-signature";
    /** Id of the key that made {@link #SIGNATURE}, so keys can rotate. */
    public static final String SIGNATURE_KEY_ID = "x-signature-key-id";

    /** Dead letters: machine-readable reason code, e.g. {@code MALFORMED_PAYLOAD}. */
    public static final String FAILURE_REASON = "x-failure-reason";
    /** Dead letters: human-readable detail of the failure. */
    public static final String FAILURE_DETAIL = "x-failure-detail";
    /** Dead letters: ISO-8601 instant the message was given up on. */
    public static final String FAILED_AT = "x-failed-at";
    /** Dead letters: the service that gave up on the message. */
    public static final String FAILED_BY = "x-failed-by";
    /** Dead letters: the queue the message was consumed from. */
    public static final String ORIGINAL_QUEUE = "x-original-queue";
    /** Dead letters: the exchange the message was first published to. */
    public static final String ORIGINAL_EXCHANGE = "x-original-exchange";
    /** Dead letters: the routing key the message was first published with. */
    public static final String ORIGINAL_ROUTING_KEY = "x-original-routing-key";
    /** Dead letters: how many times processing was attempted before giving up. */
    public static final String ATTEMPTS = "x-attempts";

    private Headers() {
    }
}
