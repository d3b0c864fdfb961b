package io.stockroom.support.messaging;

import io.stockroom.contracts.Headers;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Payload;
import io.stockroom.contracts.Role;
import io.stockroom.contracts.SchemaVersion;
import io.stockroom.support.signing.MessageSigner;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.core.JacksonException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Turns a delivery into a verified {@link Envelope}, or says exactly why it cannot: every check here is
 * deterministic, so a failure is a {@link MessageRejectedException} that sends the message straight to the DLQ.
 */
public final class InboundDecoder {

    private final MessageJson json;
    private final MessageSigner signer;
    private final Clock clock;
    private final Duration messageAgeMax;
    private final int payloadBytesMax;

    public InboundDecoder(MessageJson json, MessageSigner signer, Clock clock, Duration messageAgeMax,
                          int payloadBytesMax) {
        this.json = json;
        this.signer = signer;
        this.clock = clock;
        this.messageAgeMax = messageAgeMax;
        this.payloadBytesMax = payloadBytesMax;
    }

    /**
     * @param verifyCommand true on command queues: signature, actor role and message age are checked
     */
    public Envelope<?> decode(Message message, boolean verifyCommand) {
        MessageProperties properties = message.getMessageProperties();
        MessageType type = MessageType.fromRoutingKey(properties.getType()).orElseThrow(() ->
                new MessageRejectedException(DeadLetterReason.UNKNOWN_TYPE, "unknown message type '"
                        + properties.getType() + "'"));
        if (message.getBody().length > payloadBytesMax) {
            throw new MessageRejectedException(DeadLetterReason.PAYLOAD_TOO_LARGE, "body of "
                    + message.getBody().length + " bytes exceeds " + payloadBytesMax);
        }
        MessageMetadata metadata = metadata(properties, type);
        if (verifyCommand) {
            verifyCommand(message, metadata);
        }
        return new Envelope<>(metadata, payload(message, type));
    }

    private MessageMetadata metadata(MessageProperties properties, MessageType type) {
        String messageId = required(properties.getMessageId(), "message id");
        Date timestamp = properties.getTimestamp();
        if (timestamp == null) {
            throw new MessageRejectedException(DeadLetterReason.MISSING_HEADER, "timestamp is missing");
        }
        int schemaVersion = schemaVersion(properties.getHeader(Headers.SCHEMA_VERSION));
        Actor actor = actor(properties);
        return new MessageMetadata(messageId, properties.getCorrelationId(),
                headerText(properties.getHeader(Headers.CAUSATION_ID)), type, schemaVersion, timestamp.toInstant(),
                actor, Boolean.TRUE.equals(properties.isRedelivered()));
    }

    private static int schemaVersion(Object header) {
        if (!(header instanceof Number number)) {
            throw new MessageRejectedException(DeadLetterReason.MISSING_HEADER, Headers.SCHEMA_VERSION + " is missing");
        }
        if (!SchemaVersion.isSupported(number.intValue())) {
            throw new MessageRejectedException(DeadLetterReason.UNSUPPORTED_SCHEMA_VERSION, "schema version "
                    + number + " is not supported (this consumer reads " + SchemaVersion.CURRENT + ")");
        }
        return number.intValue();
    }

    private static Actor actor(MessageProperties properties) {
        String name = required(headerText(properties.getHeader(Headers.ACTOR)), Headers.ACTOR);
        try {
            Set<Role> roles = Actor.parseRoles(headerText(properties.getHeader(Headers.ACTOR_ROLES)));
            return new Actor(name, roles);
        } catch (IllegalArgumentException e) {
            throw new MessageRejectedException(DeadLetterReason.MISSING_HEADER, "actor headers are invalid: "
                    + e.getMessage());
        }
    }

    private void verifyCommand(Message message, MessageMetadata metadata) {
        MessageProperties properties = message.getMessageProperties();
        MessageSigner.Verification verification = signer.verify(new MessageSigner.SignedFields(metadata.messageId(),
                        metadata.type().routingKey(), metadata.timestamp().getEpochSecond(), metadata.actor().name(),
                        metadata.actor().rolesHeader(), String.valueOf(metadata.correlationId()),
                        metadata.schemaVersion(), message.getBody()),
                headerText(properties.getHeader(Headers.SIGNATURE_KEY_ID)),
                headerText(properties.getHeader(Headers.SIGNATURE)));
        switch (verification) {
            case VALID -> { }
            case UNSIGNED -> throw new MessageRejectedException(DeadLetterReason.UNSIGNED, "command is not signed");
            case UNKNOWN_KEY -> throw new MessageRejectedException(DeadLetterReason.UNKNOWN_SIGNING_KEY,
                    "signed with unknown key '" + properties.getHeader(Headers.SIGNATURE_KEY_ID) + "'");
            case INVALID -> throw new MessageRejectedException(DeadLetterReason.BAD_SIGNATURE,
                    "signature does not match the message");
        }
        if (!metadata.type().isCommand()) {
            throw new MessageRejectedException(DeadLetterReason.NOT_HANDLED_HERE, metadata.type().routingKey()
                    + " is an event, not a command");
        }
        if (!metadata.type().allows(metadata.actor().roles())) {
            throw new MessageRejectedException(DeadLetterReason.FORBIDDEN, "actor '" + metadata.actor().name()
                    + "' with roles [" + metadata.actor().rolesHeader() + "] may not send "
                    + metadata.type().routingKey());
        }
        Instant oldest = clock.instant().minus(messageAgeMax);
        if (metadata.timestamp().isBefore(oldest)) {
            throw new MessageRejectedException(DeadLetterReason.EXPIRED, "sent at " + metadata.timestamp()
                    + ", older than the " + messageAgeMax + " replay window");
        }
    }

    private Payload payload(Message message, MessageType type) {
        try {
            return json.read(message.getBody(), type.payloadType());
        } catch (JacksonException e) {
            Throwable cause = rootCause(e);
            String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new MessageRejectedException(DeadLetterReason.MALFORMED_PAYLOAD, "not a valid "
                    + type.routingKey() + " payload: " + detail, e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new MessageRejectedException(DeadLetterReason.MISSING_HEADER, what + " is missing");
        }
        return value;
    }

    private static String headerText(Object header) {
        return header == null ? null : header.toString();
    }
}
