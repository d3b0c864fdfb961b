package io.stockroom.support.test;

import io.stockroom.contracts.Headers;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.SchemaVersion;
import io.stockroom.support.messaging.Actor;
import io.stockroom.support.signing.MessageSigner;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Hand-made AMQP messages for tests that inject traffic straight into queues, bypassing the producer: malformed
 * bodies, unsigned, forged or replayed commands, actors without the right role.
 */
public final class RawMessages {

    private RawMessages() {
    }

    /** A command signed exactly as the producer would sign it. */
    public static Message signedCommand(MessageSigner signer, MessageType type, String body, Actor actor) {
        return signedCommand(signer, type, body, actor, UUID.randomUUID().toString(), Instant.now());
    }

    public static Message signedCommand(MessageSigner signer, MessageType type, String body, Actor actor,
                                        String messageId, Instant sentAt) {
        Message message = unsignedCommand(type, body, actor, messageId, sentAt);
        MessageProperties properties = message.getMessageProperties();
        MessageSigner.Signature signature = signer.sign(new MessageSigner.SignedFields(messageId, type.routingKey(),
                sentAt.getEpochSecond(), actor.name(), actor.rolesHeader(), properties.getCorrelationId(),
                SchemaVersion.CURRENT, message.getBody()));
        properties.setHeader(Headers.SIGNATURE, signature.value());
        properties.setHeader(Headers.SIGNATURE_KEY_ID, signature.keyId());
        return message;
    }

    public static Message unsignedCommand(MessageType type, String body, Actor actor, String messageId,
                                          Instant sentAt) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setCorrelationId("test-" + messageId);
        properties.setType(type.routingKey());
        properties.setTimestamp(Date.from(sentAt));
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(Headers.SCHEMA_VERSION, SchemaVersion.CURRENT);
        properties.setHeader(Headers.ACTOR, actor.name());
        properties.setHeader(Headers.ACTOR_ROLES, actor.rolesHeader());
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }

    /** The same message with its signature replaced by one made with a key the consumers do not trust. */
    public static Message forged(Message signed) {
        MessageProperties properties = signed.getMessageProperties();
        properties.setHeader(Headers.SIGNATURE, "forged" + properties.getHeaders().get(Headers.SIGNATURE));
        return signed;
    }
}
