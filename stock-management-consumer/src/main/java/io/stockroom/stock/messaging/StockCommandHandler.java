package io.stockroom.stock.messaging;

import io.stockroom.contracts.Command;
import io.stockroom.contracts.Event;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.item.ItemCommand;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.DeactivateLocation;
import io.stockroom.contracts.location.LocationCommand;
import io.stockroom.contracts.location.ReactivateLocation;
import io.stockroom.contracts.location.UpdateLocation;
import io.stockroom.contracts.order.OrderCommand;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AuditStock;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetLowStockThreshold;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.StockCommand;
import io.stockroom.contracts.stock.TransferStock;
import io.stockroom.stock.CommandContext;
import io.stockroom.stock.audit.application.StockAudit;
import io.stockroom.stock.location.application.LocationCommands;
import io.stockroom.stock.movement.application.StockCommands;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.PublishOnce;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dispatches stock and location commands to the application services and publishes what they return (stock
 * events, then the command's outcome) before the delivery is acknowledged.
 */
final class StockCommandHandler implements MessageHandler {

    private static final Set<MessageType> HANDLED = Stream.concat(
            MessageType.carrying(LocationCommand.class).stream(), MessageType.carrying(StockCommand.class).stream())
            .collect(Collectors.toUnmodifiableSet());

    private final LocationCommands locations;
    private final StockCommands stock;
    private final StockAudit audit;
    private final MessagePublisher publisher;
    private final Clock clock;

    StockCommandHandler(LocationCommands locations, StockCommands stock, StockAudit audit, MessagePublisher publisher,
                        Clock clock) {
        this.locations = locations;
        this.stock = stock;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Set<MessageType> handledTypes() {
        return HANDLED;
    }

    @Override
    public void handle(Envelope<?> envelope) {
        publisher.publishEvents(effect(envelope), envelope.causing());
    }

    /** One command after another, as always, but one confirm wait for everything the batch causes. */
    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        return PublishOnce.handleAll(batch, this::effect, publisher);
    }

    private List<Event> effect(Envelope<?> envelope) {
        CommandContext context = new CommandContext(envelope.metadata().actor().name(),
                envelope.metadata().correlationId(), envelope.metadata().timestamp(), clock.instant());
        List<Event> events = switch (envelope.as(Command.class).payload()) {
            case CreateLocation command -> locations.create(command, context);
            case UpdateLocation command -> locations.update(command, context);
            case DeactivateLocation command -> locations.deactivate(command, context);
            case ReactivateLocation command -> locations.reactivate(command, context);
            case ReceiveStock command -> stock.receive(command, context);
            case AdjustStock command -> stock.adjust(command, context);
            case SetStockCount command -> stock.setCount(command, context);
            case RemoveStockRecord command -> stock.removeRecord(command, context);
            case TransferStock command -> stock.transfer(command, context);
            case SetLowStockThreshold command -> stock.setThreshold(command, context);
            case AuditStock command -> audit.run(command, context);
            case ItemCommand command -> throw new IllegalStateException("no handler for " + command);
            case OrderCommand command -> throw new IllegalStateException("no handler for " + command);
        };
        return events;
    }
}
