package io.stockroom.support.messaging;

import io.stockroom.contracts.MessageType;

import java.util.List;

/** Publishes contract messages and returns only once the broker confirmed every one of them. */
public interface MessagePublisher {

    /** A message to publish: its type decides exchange and routing key. */
    record Outgoing(MessageType type, Record payload) {

        public Outgoing {
            if (!type.payloadType().isInstance(payload)) {
                throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                        + ", not " + payload.getClass().getSimpleName());
            }
        }
    }

    /**
     * @return the new message's id
     * @throws PublishFailedException when the broker did not confirm it
     */
    default String publish(MessageType type, Record payload, PublishContext context) {
        return publishAll(List.of(new Outgoing(type, payload)), context).getFirst();
    }

    /**
     * Publishes events (and command outcomes), each under the type its payload maps to, with confirms as
     * {@link #publishAll}. Nothing to publish is a no-op.
     *
     * @return the new messages' ids, in order
     */
    default List<String> publishEvents(List<? extends Record> events, PublishContext context) {
        if (events.isEmpty()) {
            return List.of();
        }
        return publishAll(events.stream()
                .map(event -> new Outgoing(MessageType.ofEvent(event), event)).toList(), context);
    }

    /**
     * Sends all messages, then waits for all confirms (cheaper than one round trip each).
     *
     * @return the new messages' ids, in order
     * @throws PublishFailedException when any of them was not confirmed; the others may have been delivered
     */
    List<String> publishAll(List<Outgoing> messages, PublishContext context);
}
