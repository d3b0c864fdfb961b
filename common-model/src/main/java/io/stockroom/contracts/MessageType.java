package io.stockroom.contracts;

import io.stockroom.contracts.account.AccountChanged;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.DeactivateLocation;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.ReactivateLocation;
import io.stockroom.contracts.location.UpdateLocation;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderFulfilled;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AuditStock;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetLowStockThreshold;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.StockAlert;
import io.stockroom.contracts.stock.StockAuditCompleted;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockRecordRemoved;
import io.stockroom.contracts.stock.TransferStock;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message the system sends: its routing key (also carried in the AMQP {@code type} property), its payload
 * record, and for commands the roles allowed to send it. A consumer looks a message up here by its type; a type
 * that is not here, or a payload that does not match, is dead-lettered as malformed.
 */
public enum MessageType {

    CREATE_ITEM("item.create", CreateItem.class, Set.of(Role.ADMIN)),
    UPDATE_ITEM("item.update", UpdateItem.class, Set.of(Role.ADMIN)),
    DELETE_ITEM("item.delete", DeleteItem.class, Set.of(Role.ADMIN)),

    CREATE_LOCATION("location.create", CreateLocation.class, Set.of(Role.ADMIN)),
    UPDATE_LOCATION("location.update", UpdateLocation.class, Set.of(Role.ADMIN)),
    DEACTIVATE_LOCATION("location.deactivate", DeactivateLocation.class, Set.of(Role.ADMIN)),
    REACTIVATE_LOCATION("location.reactivate", ReactivateLocation.class, Set.of(Role.ADMIN)),

    RECEIVE_STOCK("stock.receive", ReceiveStock.class, Set.of(Role.ADMIN)),
    ADJUST_STOCK("stock.adjust", AdjustStock.class, Set.of(Role.ADMIN)),
    SET_STOCK_COUNT("stock.set-count", SetStockCount.class, Set.of(Role.ADMIN)),
    REMOVE_STOCK_RECORD("stock.remove-record", RemoveStockRecord.class, Set.of(Role.ADMIN)),
    TRANSFER_STOCK("stock.transfer", TransferStock.class, Set.of(Role.ADMIN)),
    SET_LOW_STOCK_THRESHOLD("stock.set-threshold", SetLowStockThreshold.class, Set.of(Role.ADMIN)),
    AUDIT_STOCK("stock.audit", AuditStock.class, Set.of(Role.ADMIN)),

    PLACE_ORDER("order.place", PlaceOrder.class, Set.of(Role.USER, Role.ADMIN)),
    CANCEL_ORDER("order.cancel", CancelOrder.class, Set.of(Role.USER, Role.ADMIN)),
    FULFIL_ORDER("order.fulfil", FulfilOrder.class, Set.of(Role.ADMIN)),

    ITEM_CREATED("item.created", ItemCreated.class),
    ITEM_UPDATED("item.updated", ItemUpdated.class),
    ITEM_DELETED("item.deleted", ItemDeleted.class),
    LOCATION_CHANGED("location.changed", LocationChanged.class),
    STOCK_CHANGED("stock.changed", StockChanged.class),
    STOCK_RECORD_REMOVED("stock.record-removed", StockRecordRemoved.class),
    LOW_STOCK("stock.low", StockAlert.class),
    OUT_OF_STOCK("stock.out", StockAlert.class),
    BACK_IN_STOCK("stock.back-in", StockAlert.class),
    STOCK_AUDIT_COMPLETED("stock.audit-completed", StockAuditCompleted.class),
    ORDER_CONFIRMED("order.confirmed", OrderConfirmed.class),
    ORDER_REJECTED("order.rejected", OrderRejected.class),
    ORDER_CANCELLED("order.cancelled", OrderCancelled.class),
    ORDER_FULFILLED("order.fulfilled", OrderFulfilled.class),
    ACCOUNT_CHANGED("account.changed", AccountChanged.class),
    COMMAND_OUTCOME("command.outcome", CommandOutcome.class);

    private static final Map<String, MessageType> BY_ROUTING_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::routingKey, Function.identity()));

    /** Every payload type but {@link StockAlert} (three types, told apart by its kind) maps to one message type. */
    private static final Map<Class<?>, MessageType> BY_PAYLOAD = Arrays.stream(values())
            .filter(type -> type.payloadType != StockAlert.class)
            .collect(Collectors.toUnmodifiableMap(MessageType::payloadType, Function.identity()));

    private final String routingKey;
    private final Class<? extends Payload> payloadType;
    private final Set<Role> allowedRoles;

    MessageType(String routingKey, Class<? extends Payload> payloadType, Set<Role> allowedRoles) {
        this.routingKey = routingKey;
        this.payloadType = payloadType;
        this.allowedRoles = allowedRoles;
    }

    MessageType(String routingKey, Class<? extends Payload> payloadType) {
        this(routingKey, payloadType, Set.of());
    }

    public String routingKey() {
        return routingKey;
    }

    public Class<? extends Payload> payloadType() {
        return payloadType;
    }

    /** True for commands (published to {@link Topology#COMMANDS_EXCHANGE}), false for events. */
    public boolean isCommand() {
        return !allowedRoles.isEmpty();
    }

    /** The exchange this type is published to. */
    public String exchange() {
        return isCommand() ? Topology.COMMANDS_EXCHANGE : Topology.EVENTS_EXCHANGE;
    }

    /** Roles of which the actor must hold at least one for a consumer to act on this command. */
    public Set<Role> allowedRoles() {
        return allowedRoles;
    }

    public boolean allows(Set<Role> actorRoles) {
        return actorRoles.stream().anyMatch(allowedRoles::contains);
    }

    /** The type a message is sent as; a {@link StockAlert} maps by its kind. */
    public static MessageType of(Payload payload) {
        if (payload instanceof StockAlert alert) {
            return switch (alert.kind()) {
                case LOW_STOCK -> LOW_STOCK;
                case OUT_OF_STOCK -> OUT_OF_STOCK;
                case BACK_IN_STOCK -> BACK_IN_STOCK;
            };
        }
        MessageType type = BY_PAYLOAD.get(payload.getClass());
        if (type == null) {
            throw new IllegalStateException(payload.getClass().getName() + " has no message type");
        }
        return type;
    }

    /**
     * The types whose payloads belong to {@code family} (for example {@code OrderCommand.class}): what a handler of
     * that family consumes, derived from the sealed hierarchy instead of listed by hand.
     */
    public static Set<MessageType> carrying(Class<? extends Payload> family) {
        return Arrays.stream(values()).filter(type -> family.isAssignableFrom(type.payloadType))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<MessageType> fromRoutingKey(String routingKey) {
        return Optional.ofNullable(BY_ROUTING_KEY.get(routingKey));
    }
}
