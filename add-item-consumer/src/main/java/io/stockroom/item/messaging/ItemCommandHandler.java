package io.stockroom.item.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemCommand;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.item.catalog.application.ItemCommands;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;
import io.stockroom.support.messaging.MessagePublisher;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Dispatches item commands to {@link ItemCommands} and publishes the item events and the command's outcome before
 * the delivery is acknowledged, so an admin always learns whether the change happened.
 */
final class ItemCommandHandler implements MessageHandler {

    private static final Set<MessageType> HANDLED = MessageType.carrying(ItemCommand.class);

    private final ItemCommands commands;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    ItemCommandHandler(ItemCommands commands, MessagePublisher publisher, Clock clock, MeterRegistry meters) {
        this.commands = commands;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return HANDLED;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        Instant now = clock.instant();
        List<Event> events = switch (envelope.as(ItemCommand.class).payload()) {
            case CreateItem command -> commands.create(command, now);
            case UpdateItem command -> commands.update(command, now);
            case DeleteItem command -> commands.delete(command, now);
        };
        events.stream().filter(CommandOutcome.class::isInstance).map(CommandOutcome.class::cast)
                .forEach(outcome -> meters.counter("stockroom.items.commands", "type", outcome.commandType(),
                        "status", outcome.status().name()).increment());
        publisher.publishEvents(events, envelope.causing());
    }
}
