package io.stockroom.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.SchemaVersion;
import io.stockroom.support.signing.MessageSigner;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes with persistent delivery, the mandatory flag and publisher confirms, and signs commands. Success means
 * the broker confirmed the message and did not return it as unroutable; anything else is a
 * {@link PublishFailedException}, so a caller never reports success for a message the broker does not hold.
 */
public final class ConfirmingPublisher implements MessagePublisher {

    private final RabbitTemplate rabbit;
    private final MessageJson json;
    private final MessageSigner signer;
    private final Duration confirmTimeout;
    private final Clock clock;
    private final MeterRegistry meters;

    public ConfirmingPublisher(RabbitTemplate rabbit, MessageJson json, MessageSigner signer, Duration confirmTimeout,
                               Clock clock, MeterRegistry meters) {
        if (!Boolean.TRUE.equals(rabbit.isMandatoryFor(new Message(new byte[0])))) {
            throw new IllegalStateException("RabbitTemplate must publish with mandatory=true (returns are failures)");
        }
        this.rabbit = rabbit;
        this.json = json;
        this.signer = signer;
        this.confirmTimeout = confirmTimeout;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public List<String> publishAll(List<Outgoing> messages, PublishContext context) {
        return publishBatch(messages.stream().map(outgoing -> new Publication(outgoing.payload(), context)).toList());
    }

    @Override
    public List<String> publishBatch(List<Publication> publications) {
        if (publications.isEmpty()) {
            return List.of();
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "confirmed";
        try {
            List<Sent> sent = new ArrayList<>(publications.size());
            for (Publication publication : publications) {
                sent.add(send(new Outgoing(MessageType.of(publication.payload()), publication.payload()),
                        publication.context()));
            }
            awaitConfirms(sent);
            return sent.stream().map(Sent::messageId).toList();
        } catch (PublishFailedException e) {
            outcome = "failed";
            throw e;
        } finally {
            sample.stop(meters.timer("stockroom.messages.published", "outcome", outcome));
        }
    }

    private record Sent(String messageId, Outgoing outgoing, CorrelationData correlation) {
    }

    private Sent send(Outgoing outgoing, PublishContext context) {
        String messageId = UUID.randomUUID().toString();
        byte[] body = json.write(outgoing.payload());
        Instant now = clock.instant();
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setCorrelationId(context.correlationId());
        properties.setType(outgoing.type().routingKey());
        properties.setTimestamp(Date.from(now));
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(Headers.SCHEMA_VERSION, SchemaVersion.CURRENT);
        properties.setHeader(Headers.CAUSATION_ID, context.causationId());
        properties.setHeader(Headers.ACTOR, context.actor().name());
        properties.setHeader(Headers.ACTOR_ROLES, context.actor().rolesHeader());
        if (outgoing.type().isCommand()) {
            MessageSigner.Signature signature = signer.sign(new MessageSigner.SignedFields(messageId,
                    outgoing.type().routingKey(), now.getEpochSecond(), context.actor().name(),
                    context.actor().rolesHeader(), context.correlationId(), SchemaVersion.CURRENT, body));
            properties.setHeader(Headers.SIGNATURE, signature.value());
            properties.setHeader(Headers.SIGNATURE_KEY_ID, signature.keyId());
        }
        CorrelationData correlation = new CorrelationData(messageId);
        try {
            rabbit.send(outgoing.type().exchange(), outgoing.type().routingKey(), new Message(body, properties),
                    correlation);
        } catch (AmqpException e) {
            throw new PublishFailedException("could not send " + outgoing.type().routingKey() + ": " + e.getMessage(), e);
        }
        return new Sent(messageId, outgoing, correlation);
    }

    private void awaitConfirms(List<Sent> sent) {
        long deadlineNanos = System.nanoTime() + confirmTimeout.toNanos();
        for (Sent each : sent) {
            CorrelationData.Confirm confirm = awaitConfirm(each, deadlineNanos);
            if (!confirm.ack()) {
                throw new PublishFailedException("broker refused " + describe(each) + ": " + confirm.reason());
            }
            ReturnedMessage returned = each.correlation().getReturned();
            if (returned != null && each.outgoing().type().isCommand()) {
                throw new PublishFailedException("no queue is bound for " + describe(each) + " (returned: "
                        + returned.getReplyCode() + " " + returned.getReplyText() + ")");
            }
            if (returned != null) {
                // An event nobody subscribes to is not a failure of the publisher (publish-subscribe semantics);
                // failing here would make the consumer requeue the command it just applied until its delivery
                // limit. It is counted so a missing subscriber is visible.
                meters.counter("stockroom.messages.unrouted", "type", each.outgoing().type().routingKey())
                        .increment();
            }
        }
    }

    private CorrelationData.Confirm awaitConfirm(Sent sent, long deadlineNanos) {
        try {
            long remaining = Math.max(0, deadlineNanos - System.nanoTime());
            return sent.correlation().getFuture().get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new PublishFailedException("no confirm for " + describe(sent) + " within " + confirmTimeout, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("confirm failed for " + describe(sent), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted waiting for the confirm of " + describe(sent), e);
        }
    }

    private static String describe(Sent sent) {
        return sent.outgoing().type().routingKey() + " message " + sent.messageId();
    }
}
