package io.stockroom.contracts;

import io.stockroom.contracts.account.AccountChanged;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.DeleteItem;
import io.stockroom.contracts.item.ItemCreated;
import io.stockroom.contracts.item.ItemDeleted;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.ItemUpdated;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.item.UpdateItem;
import io.stockroom.contracts.location.CreateLocation;
import io.stockroom.contracts.location.DeactivateLocation;
import io.stockroom.contracts.location.LocationChanged;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.location.ReactivateLocation;
import io.stockroom.contracts.location.UpdateLocation;
import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.CancelOrder;
import io.stockroom.contracts.order.FulfilOrder;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.OrderCancelled;
import io.stockroom.contracts.order.OrderConfirmed;
import io.stockroom.contracts.order.OrderFulfilled;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.OrderRejected;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AdjustmentReason;
import io.stockroom.contracts.stock.AuditStock;
import io.stockroom.contracts.stock.MovementKind;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.RemoveStockRecord;
import io.stockroom.contracts.stock.SetLowStockThreshold;
import io.stockroom.contracts.stock.SetStockCount;
import io.stockroom.contracts.stock.StockAlert;
import io.stockroom.contracts.stock.StockAuditCompleted;
import io.stockroom.contracts.stock.StockChanged;
import io.stockroom.contracts.stock.StockDrift;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.contracts.stock.StockRecordRemoved;
import io.stockroom.contracts.stock.TransferStock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Example messages: one valid instance of every contract, for tests in every module. */
public final class ContractsMother {

    public static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");
    public static final String SKU = "WATCH-TITAN-001";
    public static final String LOCATION = "BLR-DS-01";
    public static final String OTHER_LOCATION = "DEL-WH-01";

    private ContractsMother() {
    }

    public static ItemDetails watch() {
        return new ItemDetails("Titan Neo Analog", "Titan", "Watches", new Money(new BigDecimal("4995.50"), "INR"),
                Map.of("strap", "leather", "dial", "blue"), 5);
    }

    public static PlaceOrder placeOrder(String orderId, String customer, OrderLine... lines) {
        return new PlaceOrder(orderId, customer, List.of(lines), SourcingStrategy.MOST_AVAILABLE, AT);
    }

    /** A valid example payload of the given type. */
    public static Payload example(MessageType type) {
        StockLevels levels = StockLevels.of(10, 3);
        return switch (type) {
            case CREATE_ITEM -> new CreateItem("cmd-1", SKU, watch());
            case UPDATE_ITEM -> new UpdateItem("cmd-2", SKU, 1, watch());
            case DELETE_ITEM -> new DeleteItem("cmd-3", SKU, 2);
            case CREATE_LOCATION -> new CreateLocation("cmd-4", LOCATION, "Bengaluru dark store", LocationType.DARK_STORE, 1);
            case UPDATE_LOCATION -> new UpdateLocation("cmd-4u", LOCATION, "Bengaluru dark store 2", LocationType.DARK_STORE, 2);
            case DEACTIVATE_LOCATION -> new DeactivateLocation("cmd-5", LOCATION);
            case REACTIVATE_LOCATION -> new ReactivateLocation("cmd-6", LOCATION);
            case RECEIVE_STOCK -> new ReceiveStock("cmd-7", SKU, LOCATION, 20, "PO-42");
            case ADJUST_STOCK -> new AdjustStock("cmd-8", SKU, LOCATION, -2, AdjustmentReason.DAMAGED, "dropped");
            case SET_STOCK_COUNT -> new SetStockCount("cmd-9", SKU, LOCATION, 18, 17, "ERP sync");
            case REMOVE_STOCK_RECORD -> new RemoveStockRecord("cmd-10", SKU, LOCATION);
            case TRANSFER_STOCK -> new TransferStock("cmd-11", SKU, LOCATION, OTHER_LOCATION, 4);
            case SET_LOW_STOCK_THRESHOLD -> new SetLowStockThreshold("cmd-12", SKU, LOCATION, 3);
            case AUDIT_STOCK -> new AuditStock("cmd-13");
            case PLACE_ORDER -> placeOrder("order-1", "asha", new OrderLine(SKU, 2, null),
                    new OrderLine("WATCH-CASIO-002", 1, LOCATION));
            case CANCEL_ORDER -> new CancelOrder("cmd-14", "order-1", "changed my mind");
            case FULFIL_ORDER -> new FulfilOrder("cmd-15", "order-1");
            case ITEM_CREATED -> new ItemCreated(SKU, watch(), 1, AT);
            case ITEM_UPDATED -> new ItemUpdated(SKU, watch(), 2, AT);
            case ITEM_DELETED -> new ItemDeleted(SKU, 3, AT);
            case LOCATION_CHANGED -> new LocationChanged(LOCATION, "Bengaluru dark store", LocationType.DARK_STORE, 1,
                    true, LocationChanged.Change.REGISTERED, 1, AT);
            case STOCK_CHANGED -> new StockChanged(SKU, LOCATION, levels, 5, 7, "cmd-7", MovementKind.RECEIVED, AT);
            case STOCK_RECORD_REMOVED -> new StockRecordRemoved(SKU, LOCATION, 8, AT);
            case LOW_STOCK -> new StockAlert(StockAlert.Kind.LOW_STOCK, SKU, LOCATION, 4, 5, 9, AT);
            case OUT_OF_STOCK -> new StockAlert(StockAlert.Kind.OUT_OF_STOCK, SKU, LOCATION, 0, 5, 10, AT);
            case BACK_IN_STOCK -> new StockAlert(StockAlert.Kind.BACK_IN_STOCK, SKU, LOCATION, 6, 5, 11, AT);
            case STOCK_AUDIT_COMPLETED -> new StockAuditCompleted("cmd-13", 12,
                    List.of(new StockDrift(SKU, LOCATION, 10, 3, 9, 3)), false, AT);
            case ORDER_CONFIRMED -> new OrderConfirmed("order-1", "asha",
                    List.of(new AllocatedLine(0, SKU, LOCATION, 2)), 2, AT);
            case ORDER_REJECTED -> new OrderRejected("order-1", "asha", List.of(
                    new LineRejection(0, SKU, LOCATION, RejectionReason.RELEASED_OTHER_LINE_FAILED, null),
                    new LineRejection(1, "WATCH-CASIO-002", LOCATION, RejectionReason.OUT_OF_STOCK, "0 available")),
                    2, AT);
            case ORDER_CANCELLED -> new OrderCancelled("order-1", "asha", "asha", "changed my mind", 3, AT);
            case ORDER_FULFILLED -> new OrderFulfilled("order-1", "asha", "admin", 3, AT);
            case ACCOUNT_CHANGED -> new AccountChanged("asha", false, null, AT);
            case COMMAND_OUTCOME -> CommandOutcome.rejected((SetStockCount) example(MessageType.SET_STOCK_COUNT),
                    RejectionCode.COUNT_MISMATCH, "on hand is 17, not 18", AT);
        };
    }
}
