package io.stockroom.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.Headers;
import io.stockroom.contracts.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Copies a message that cannot be processed to its queue's DLQ, with the reason in headers, and waits for the
 * broker's confirm. Only when that copy is safe may the original be acknowledged; otherwise the caller requeues it,
 * so a dead letter is never lost on the way.
 */
public final class DeadLetterer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterer.class);
    private static final int DETAIL_LENGTH_MAX = 1_000;

    private final RabbitTemplate rabbit;
    private final String serviceName;
    private final Duration confirmTimeout;
    private final Clock clock;
    private final MeterRegistry meters;

    public DeadLetterer(RabbitTemplate rabbit, String serviceName, Duration confirmTimeout, Clock clock,
                        MeterRegistry meters) {
        this.rabbit = rabbit;
        this.serviceName = serviceName;
        this.confirmTimeout = confirmTimeout;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return true once the DLQ holds the copy; false if it could not be stored (the caller must requeue) */
    public boolean deadLetter(Message original, String queue, DeadLetterReason reason, String detail, int attempts) {
        MessageProperties source = original.getMessageProperties();
        MessageProperties copy = new MessageProperties();
        source.getHeaders().forEach(copy::setHeader);
        copy.setMessageId(source.getMessageId());
        copy.setCorrelationId(source.getCorrelationId());
        copy.setType(source.getType());
        copy.setTimestamp(source.getTimestamp());
        copy.setContentType(source.getContentType());
        copy.setContentEncoding(source.getContentEncoding());
        copy.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        copy.setHeader(Headers.FAILURE_REASON, reason.name());
        copy.setHeader(Headers.FAILURE_DETAIL, truncate(detail));
        copy.setHeader(Headers.FAILED_AT, clock.instant().toString());
        copy.setHeader(Headers.FAILED_BY, serviceName);
        copy.setHeader(Headers.ORIGINAL_QUEUE, queue);
        copy.setHeader(Headers.ORIGINAL_EXCHANGE, source.getReceivedExchange());
        copy.setHeader(Headers.ORIGINAL_ROUTING_KEY, source.getReceivedRoutingKey());
        copy.setHeader(Headers.ATTEMPTS, attempts);
        CorrelationData correlation = new CorrelationData("dlq-" + source.getMessageId());
        try {
            rabbit.send(Topology.DEAD_LETTER_EXCHANGE, queue, new Message(original.getBody(), copy), correlation);
            CorrelationData.Confirm confirm = correlation.getFuture().get(confirmTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (!confirm.ack() || correlation.getReturned() != null) {
                log.error("Dead-lettering {} from {} was refused (ack={}, returned={})", source.getMessageId(), queue,
                        confirm.ack(), correlation.getReturned() != null);
                return false;
            }
        } catch (AmqpException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.error("Dead-lettering {} from {} failed: {}", source.getMessageId(), queue, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        meters.counter("stockroom.messages.dead_lettered", "queue", queue, "reason", reason.name()).increment();
        if (reason == DeadLetterReason.UNSIGNED || reason == DeadLetterReason.BAD_SIGNATURE
                || reason == DeadLetterReason.UNKNOWN_SIGNING_KEY || reason == DeadLetterReason.FORBIDDEN
                || reason == DeadLetterReason.REPLAYED || reason == DeadLetterReason.EXPIRED) {
            meters.counter("stockroom.messages.refused", "queue", queue, "reason", reason.name()).increment();
        }
        log.warn("Dead-lettered message {} ({}) from {}: {} - {}", source.getMessageId(), source.getType(), queue,
                reason, detail);
        return true;
    }

    private static String truncate(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() <= DETAIL_LENGTH_MAX ? detail : detail.substring(0, DETAIL_LENGTH_MAX) + "…";
    }
}
