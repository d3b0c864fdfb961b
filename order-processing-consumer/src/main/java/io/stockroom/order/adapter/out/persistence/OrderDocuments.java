package io.stockroom.order.adapter.out.persistence;

import io.stockroom.contracts.order.AllocatedLine;
import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.order.SourcingStrategy;
import io.stockroom.order.domain.Order;
import io.stockroom.order.domain.OrderLineState;
import io.stockroom.order.domain.OrderStatus;
import io.stockroom.order.domain.StatusChange;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Field names and conversions of the {@code orders} documents. */
final class OrderDocuments {

    static final String ID = "_id";
    static final String CUSTOMER = "customer";
    static final String PLACED_AT = "placedAt";
    static final String VERSION = "version";

    /** Statuses whose every line is reserved or was: the document lists the allocations for readers. */
    private static final Set<OrderStatus> ALLOCATED = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLING,
            OrderStatus.CANCELLED, OrderStatus.FULFILLING, OrderStatus.FULFILLED);

    private OrderDocuments() {
    }

    static Document document(Order order, Instant now) {
        return new Document(ID, order.orderId())
                .append(CUSTOMER, order.customer())
                .append("sourcing", order.sourcing().name())
                .append("status", order.status().name())
                .append("lines", order.lines().stream().map(OrderDocuments::line).toList())
                .append("allocations", ALLOCATED.contains(order.status())
                        ? order.allocations().stream().map(OrderDocuments::allocation).toList() : List.of())
                .append("rejections", order.rejections().stream().map(OrderDocuments::rejection).toList())
                .append("closingCommandId", order.closingCommandId())
                .append("history", order.history().stream().map(OrderDocuments::change).toList())
                .append(VERSION, order.version())
                .append(PLACED_AT, Date.from(order.placedAt()))
                .append("updatedAt", Date.from(now));
    }

    static Order order(Document document) {
        return new Order(document.getString(ID), document.getString(CUSTOMER),
                SourcingStrategy.valueOf(document.getString("sourcing")),
                document.getList("lines", Document.class).stream().map(OrderDocuments::line).toList(),
                OrderStatus.valueOf(document.getString("status")),
                document.getList("rejections", Document.class).stream().map(OrderDocuments::rejection).toList(),
                document.getString("closingCommandId"),
                document.getList("history", Document.class).stream().map(OrderDocuments::change).toList(),
                document.get(VERSION, Number.class).longValue(), document.getDate(PLACED_AT).toInstant());
    }

    private static Document line(OrderLineState line) {
        return new Document("lineNo", line.lineNo()).append("sku", line.sku()).append("quantity", line.quantity())
                .append("requestedLocation", line.requestedLocation()).append("location", line.location());
    }

    private static OrderLineState line(Document line) {
        return new OrderLineState(line.getInteger("lineNo"), line.getString("sku"), line.getInteger("quantity"),
                line.getString("requestedLocation"), line.getString("location"));
    }

    private static Document allocation(AllocatedLine line) {
        return new Document("lineNo", line.lineNo()).append("sku", line.sku()).append("location", line.location())
                .append("quantity", line.quantity());
    }

    private static Document rejection(LineRejection rejection) {
        return new Document("lineNo", rejection.lineNo()).append("sku", rejection.sku())
                .append("location", rejection.location()).append("reason", rejection.reason().name())
                .append("detail", rejection.detail());
    }

    private static LineRejection rejection(Document rejection) {
        return new LineRejection(rejection.getInteger("lineNo"), rejection.getString("sku"),
                rejection.getString("location"), RejectionReason.valueOf(rejection.getString("reason")),
                rejection.getString("detail"));
    }

    private static Document change(StatusChange change) {
        return new Document("status", change.status().name()).append("at", Date.from(change.at()))
                .append("by", change.by()).append("detail", change.detail());
    }

    private static StatusChange change(Document change) {
        return new StatusChange(OrderStatus.valueOf(change.getString("status")), change.getDate("at").toInstant(),
                change.getString("by"), change.getString("detail"));
    }
}
