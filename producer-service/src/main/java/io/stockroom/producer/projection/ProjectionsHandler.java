package io.stockroom.producer.projection;

import io.stockroom.contracts.CommandOutcome;
import io.stockroom.contracts.MessageType;
import io.stockroom.producer.command.application.CommandOutcomes;
import io.stockroom.producer.order.application.OrderEvents;
import io.stockroom.support.messaging.Envelope;
import io.stockroom.support.messaging.MessageHandler;

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

    @Override
    public void handle(Envelope<?> envelope) {
        if (envelope.payload() instanceof CommandOutcome outcome) {
            outcomes.apply(outcome);
        } else {
            orders.apply(envelope.payload());
        }
    }
}
