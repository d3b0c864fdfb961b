package io.stockroom.support.messaging;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stockroom.support.idempotency.ProcessedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one consuming pipeline every queue uses. Per delivery: decode and verify (a bad message goes straight to the
 * DLQ), refuse replays, run the handler with bounded retries and backoff, then acknowledge, only after the handler
 * made its effect durable. A handler that keeps failing dead-letters the message with the reason; one that fails
 * because a dependency is down requeues it (the quorum queue's delivery limit bounds that too).
 */
final class ReliableListener implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(ReliableListener.class);

    private final String queue;
    private final MessageHandler handler;
    private final InboundDecoder decoder;
    private final DeadLetterer deadLetterer;
    private final ProcessedMessages processed;
    private final RetryTemplate retry;
    private final boolean commandQueue;
    private final MeterRegistry meters;

    ReliableListener(String queue, MessageHandler handler, InboundDecoder decoder, DeadLetterer deadLetterer,
                     ProcessedMessages processed, RetryTemplate retry, boolean commandQueue, MeterRegistry meters) {
        this.queue = queue;
        this.handler = handler;
        this.decoder = decoder;
        this.deadLetterer = deadLetterer;
        this.processed = processed;
        this.retry = retry;
        this.commandQueue = commandQueue;
        this.meters = meters;
    }

    private record Accepted(Message message, Envelope<?> envelope) {
    }

    @Override
    public void onMessage(Message message, Channel channel) {
        onMessageBatch(List.of(message), channel);
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        List<Accepted> accepted = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Accepted screened = screen(message, channel);
            if (screened != null) {
                accepted.add(screened);
            }
        }
        if (accepted.size() > 1 && handleAsBatch(accepted, channel)) {
            return;
        }
        accepted.forEach(each -> handleOne(each, channel));
    }

    /** Decodes and checks one delivery; returns null when it was already disposed of (dead-lettered or a duplicate). */
    private Accepted screen(Message message, Channel channel) {
        Envelope<?> envelope;
        try {
            envelope = decoder.decode(message, commandQueue);
        } catch (MessageRejectedException e) {
            deadLetter(message, channel, e.reason(), e.getMessage(), 0);
            return null;
        }
        MessageMetadata metadata = envelope.metadata();
        if (!handler.handledTypes().contains(metadata.type())) {
            deadLetter(message, channel, DeadLetterReason.NOT_HANDLED_HERE, metadata.type().routingKey()
                    + " is not handled on " + queue, 0);
            return null;
        }
        if (commandQueue && processed.contains(queue, metadata.messageId())) {
            if (metadata.redelivered()) {
                // The broker redelivered a message whose effect is already durable (we died before the ack).
                ack(message, channel, "duplicate");
            } else {
                deadLetter(message, channel, DeadLetterReason.REPLAYED, "message id " + metadata.messageId()
                        + " was already processed on " + queue, 0);
            }
            return null;
        }
        return new Accepted(message, envelope);
    }

    private boolean handleAsBatch(List<Accepted> batch, Channel channel) {
        try {
            handler.handleBatch(batch.stream().<Envelope<?>>map(Accepted::envelope).toList());
        } catch (Exception e) {
            log.warn("Batch of {} on {} failed ({}); handling each message on its own", batch.size(), queue,
                    e.toString());
            return false;
        }
        batch.forEach(each -> completed(each, channel));
        return true;
    }

    private void handleOne(Accepted accepted, Channel channel) {
        MessageMetadata metadata = accepted.envelope().metadata();
        MDC.put("messageId", metadata.messageId());
        MDC.put("correlationId", String.valueOf(metadata.correlationId()));
        Timer.Sample sample = Timer.start(meters);
        try {
            retry.execute(() -> {
                handler.handle(accepted.envelope());
                return null;
            });
            completed(accepted, channel);
        } catch (RetryException e) {
            failed(accepted, channel, e);
        } finally {
            sample.stop(meters.timer("stockroom.messages.handling", "queue", queue, "type",
                    metadata.type().routingKey()));
            MDC.remove("messageId");
            MDC.remove("correlationId");
        }
    }

    private void completed(Accepted accepted, Channel channel) {
        if (commandQueue) {
            try {
                processed.record(queue, accepted.envelope().metadata());
            } catch (RuntimeException e) {
                // The effect is durable and idempotent; a missing record only weakens replay detection for this id.
                log.warn("Could not record message {} as processed: {}", accepted.envelope().metadata().messageId(),
                        e.toString());
            }
        }
        ack(accepted.message(), channel, "acked");
    }

    private void failed(Accepted accepted, Channel channel, RetryException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        int attempts = e.getSuppressed().length + 1;
        if (cause instanceof MessageRejectedException rejected) {
            deadLetter(accepted.message(), channel, rejected.reason(), rejected.getMessage(), attempts);
        } else if (Failures.isTransient(cause)) {
            log.warn("Requeueing message {} after {} attempts: a dependency is unavailable ({})",
                    accepted.envelope().metadata().messageId(), attempts, cause.toString());
            nack(accepted.message(), channel, true, "requeued");
        } else {
            log.error("Giving up on message {} after {} attempts", accepted.envelope().metadata().messageId(),
                    attempts, cause);
            deadLetter(accepted.message(), channel, DeadLetterReason.PROCESSING_FAILED, cause.toString(), attempts);
        }
    }

    private void deadLetter(Message message, Channel channel, DeadLetterReason reason, String detail, int attempts) {
        if (deadLetterer.deadLetter(message, queue, reason, detail, attempts)) {
            ack(message, channel, "dead_lettered");
        } else {
            nack(message, channel, true, "requeued");
        }
    }

    private void ack(Message message, Channel channel, String outcome) {
        try {
            channel.basicAck(message.getMessageProperties().getDeliveryTag(), false);
        } catch (IOException e) {
            // The channel is gone, so the broker redelivers the message; idempotency absorbs the repeat.
            log.warn("Could not ack message {}: {}", message.getMessageProperties().getMessageId(), e.toString());
        }
        count(message, outcome);
    }

    private void nack(Message message, Channel channel, boolean requeue, String outcome) {
        try {
            channel.basicNack(message.getMessageProperties().getDeliveryTag(), false, requeue);
        } catch (IOException e) {
            log.warn("Could not nack message {}: {}", message.getMessageProperties().getMessageId(), e.toString());
        }
        count(message, outcome);
    }

    private void count(Message message, String outcome) {
        // Only known types become tag values: a sender must not be able to grow the metric's cardinality.
        String type = io.stockroom.contracts.MessageType.fromRoutingKey(message.getMessageProperties().getType())
                .map(io.stockroom.contracts.MessageType::routingKey).orElse("unknown");
        meters.counter("stockroom.messages.consumed", "queue", queue, "type", type,
                "outcome", outcome).increment();
    }
}
