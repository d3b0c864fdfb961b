package io.stockroom.producer.projection;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.order.OrderEvent;
import io.stockroom.producer.command.application.CommandOutcomes;
import io.stockroom.producer.order.application.OrderEvents;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Consumes the durable queue shared by all producer instances: command outcomes turn audit-log actions APPLIED or
 * REJECTED, order events move the stored order views on. Both writes are idempotent and version- or
 * status-guarded, so a redelivery or an out-of-order delivery is harmless.
 */
public final class ProjectionsHandler implements MessageHandler {

    static final Set<MessageType> TYPES = Set.of(MessageType.COMMAND_OUTCOME, MessageType.ORDER_CONFIRMED,
            MessageType.ORDER_REJECTED, MessageType.ORDER_CANCELLED, MessageType.ORDER_FULFILLED);

    private final CommandOutcomes outcomes;
    private final OrderEvents orders;

    public ProjectionsHandler(CommandOutcomes outcomes, OrderEvents orders) {
        this.outcomes = outcomes;
        this.orders = orders;
    }

    /** The routing keys the projections queue is bound with. */
    public static List<String> routingKeys() {
        return TYPES.stream().map(MessageType::routingKey).sorted().toList();
    }

    @Override
    public Set<MessageType> handledTypes() {
        return TYPES;
    }

    /** Command outcomes one by one (they are few); every order event of the batch in one write. */
    @Override
    public List<Envelope<?>> handleBatch(List<Envelope<?>> batch) {
        List<OrderEvent> orderEvents = new ArrayList<>(batch.size());
        for (Envelope<?> envelope : batch) {
            if (envelope.payload() instanceof OrderEvent event) {
                orderEvents.add(event);
            } else {
                handle(envelope);
            }
        }
        orders.applyAll(orderEvents);
        return List.of();
    }

    @Override
    public void handle(Envelope<?> envelope) {
        switch (envelope.payload()) {
            case CommandOutcome outcome -> outcomes.apply(outcome);
            case OrderEvent event -> orders.apply(event);
            default -> throw new IllegalStateException("not a projection event: " + envelope.metadata().type());
        }
    }
}
