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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<Accepted> accepted = screenAll(messages, channel);
        List<Accepted> alone = accepted.size() > 1 ? handleAsBatch(accepted, channel) : accepted;
        alone.forEach(each -> handleOne(each, channel));
    }

    /**
     * Decodes and checks each delivery; those already disposed of (dead-lettered, or duplicates) are left out. Replay
     * detection looks the whole batch up in one query.
     */
    private List<Accepted> screenAll(List<Message> messages, Channel channel) {
        List<Accepted> decoded = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Accepted screened = screen(message, channel);
            if (screened != null) {
                decoded.add(screened);
            }
        }
        if (!commandQueue || decoded.isEmpty()) {
            return decoded;
        }
        Set<String> seen = processed.containing(queue, decoded.stream()
                .map(each -> each.envelope().metadata().messageId()).toList());
        List<Accepted> fresh = new ArrayList<>(decoded.size());
        for (Accepted each : decoded) {
            if (!seen.contains(each.envelope().metadata().messageId())) {
                fresh.add(each);
            } else if (each.envelope().metadata().redelivered()) {
                // The broker redelivered a message whose effect is already durable (we died before the ack).
                ack(each.message(), channel, "duplicate");
            } else {
                deadLetter(each.message(), channel, DeadLetterReason.REPLAYED, "message id "
                        + each.envelope().metadata().messageId() + " was already processed on " + queue, 0);
            }
        }
        return fresh;
    }

    /** Decodes and checks one delivery; returns null when it was already disposed of (dead-lettered). */
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
        return new Accepted(message, envelope);
    }

    /**
     * Lets the handler do what it can of the batch at once, then acknowledges that part; returns what is left to be
     * handled one at a time (all of it if the batch failed).
     */
    private List<Accepted> handleAsBatch(List<Accepted> batch, Channel channel) {
        Map<Envelope<?>, Accepted> byEnvelope = new IdentityHashMap<>();
        batch.forEach(each -> byEnvelope.put(each.envelope(), each));
        List<Envelope<?>> left;
        Timer.Sample sample = Timer.start(meters);
        try {
            left = handler.handleBatch(batch.stream().<Envelope<?>>map(Accepted::envelope).toList());
        } catch (Exception e) {
            log.warn("Batch of {} on {} failed ({}); handling each message on its own", batch.size(), queue,
                    e.toString());
            return batch;
        } finally {
            sample.stop(meters.timer("stockroom.messages.batch", "queue", queue));
        }
        Set<Envelope<?>> leftOver = Collections.newSetFromMap(new IdentityHashMap<>());
        leftOver.addAll(left);
        List<Accepted> done = batch.stream().filter(each -> !leftOver.contains(each.envelope())).toList();
        meters.summary("stockroom.messages.batch.size", "queue", queue).record(done.size());
        completedAll(done, channel);
        return left.stream().map(byEnvelope::get).toList();
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
        completedAll(List.of(accepted), channel);
    }

    /** Records the messages as processed (one write), then acknowledges them. */
    private void completedAll(List<Accepted> done, Channel channel) {
        if (done.isEmpty()) {
            return;
        }
        if (commandQueue) {
            try {
                processed.recordAll(queue, done.stream().map(each -> each.envelope().metadata()).toList());
            } catch (RuntimeException e) {
                // The effects are durable and idempotent; a missing record only weakens replay detection.
                log.warn("Could not record {} messages as processed: {}", done.size(), e.toString());
            }
        }
        done.forEach(each -> ack(each.message(), channel, "acked"));
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
