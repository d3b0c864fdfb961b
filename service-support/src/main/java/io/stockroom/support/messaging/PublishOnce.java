package io.stockroom.support.messaging;

import io.stockroom.contracts.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * Batch handling for a handler whose effects are one message at a time but whose events need not wait for the
 * broker one message at a time: every message's effect is applied in turn, then everything the batch caused is
 * published with one confirm wait. A message whose effect throws is left to {@link MessageHandler#handle}, which
 * retries it, requeues it or dead-letters it with its reason; effects are idempotent, so doing it again is safe.
 */
public final class PublishOnce {

    /** The effect of one message: the events it causes, not yet published. */
    @FunctionalInterface
    public interface Effect {
        List<Event> apply(Envelope<?> envelope) throws Exception;
    }

    private PublishOnce() {
    }

    /** @return the messages left to one-at-a-time handling */
    public static List<Envelope<?>> handleAll(List<Envelope<?>> batch, Effect effect, MessagePublisher publisher) {
        List<MessagePublisher.Publication> publications = new ArrayList<>();
        List<Envelope<?>> left = new ArrayList<>();
        for (Envelope<?> envelope : batch) {
            List<Event> events;
            try {
                events = effect.apply(envelope);
            } catch (Exception e) {
                left.add(envelope);
                continue;
            }
            PublishContext causing = envelope.causing();
            events.forEach(event -> publications.add(new MessagePublisher.Publication(event, causing)));
        }
        publisher.publishBatch(publications);
        return left;
    }
}
