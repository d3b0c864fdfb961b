package io.stockroom.producer.live.adapter.in.messaging;

import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.account.AccountChanged;
import io.stockroom.producer.catalogue.application.ReadSideUpdates;
import io.stockroom.producer.live.adapter.in.web.LiveStreams;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Consumes this instance's own event queue: keeps the in-memory read side current and pushes live updates. Every
 * event type is accepted (the queue is bound to all of them); those the read side does not keep only feed streams.
 */
public final class LiveEventHandler implements MessageHandler {

    static final Set<MessageType> EVENTS = Arrays.stream(MessageType.values()).filter(type -> !type.isCommand())
            .collect(Collectors.toUnmodifiableSet());

    private final ReadSideUpdates readSide;
    private final LiveStreams streams;
    private final Consumer<AccountChanged> accountChanges;

    /** @param accountChanges told of every account change announced by any producer instance */
    public LiveEventHandler(ReadSideUpdates readSide, LiveStreams streams, Consumer<AccountChanged> accountChanges) {
        this.readSide = readSide;
        this.streams = streams;
        this.accountChanges = accountChanges;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return EVENTS;
    }

    /** Everything here is in memory: a batch is handled in one go, without per-message retries. */
    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        batch.forEach(this::handle);
        return List.of();
    }

    @Override
    public void handle(Envelope<?> envelope) {
        Event event = envelope.as(Event.class).payload();
        if (event instanceof AccountChanged changed) {
            accountChanges.accept(changed);
            return;
        }
        readSide.apply(event);
        streams.publish(event);
    }
}
