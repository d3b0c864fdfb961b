package io.stockroom.support.messaging;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Payload;

import java.util.List;

/** Publishes contract messages and returns only once the broker confirmed every one of them. */
public interface MessagePublisher {

    /** A message to publish: its type decides exchange and routing key. */
    record Outgoing(MessageType type, Payload payload) {

        public Outgoing {
            if (!type.payloadType().isInstance(payload)) {
                throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                        + ", not " + payload.getClass().getSimpleName());
            }
        }
    }

    /** A message to publish with its own context: what one command of a batch causes. */
    record Publication(Payload payload, PublishContext context) {
    }

    /**
     * @return the new message's id
     * @throws PublishFailedException when the broker did not confirm it
     */
    default String publish(Payload payload, PublishContext context) {
        return publishAll(List.of(new Outgoing(MessageType.of(payload), payload)), context).getFirst();
    }

    /**
     * Publishes events (and command outcomes), each under the type its payload maps to, with confirms as
     * {@link #publishAll}. Nothing to publish is a no-op.
     *
     * @return the new messages' ids, in order
     */
    default List<String> publishEvents(List<? extends Event> events, PublishContext context) {
        if (events.isEmpty()) {
            return List.of();
        }
        return publishAll(events.stream()
                .map(event -> new Outgoing(MessageType.of(event), event)).toList(), context);
    }

    /**
     * Sends every publication under its own context, then waits for all confirms once: what a batch of commands
     * causes costs one confirm wait, not one per command.
     *
     * @return the new messages' ids, in order
     * @throws PublishFailedException when any of them was not confirmed; the others may have been delivered
     */
    List<String> publishBatch(List<Publication> publications);

    /**
     * Sends all messages, then waits for all confirms (cheaper than one round trip each).
     *
     * @return the new messages' ids, in order
     * @throws PublishFailedException when any of them was not confirmed; the others may have been delivered
     */
    List<String> publishAll(List<Outgoing> messages, PublishContext context);
}
