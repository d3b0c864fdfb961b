package io.stockroom.producer.web.shop;

import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.web.Formats;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An order as the shopper's pages show it. */
public record OrderPage(String orderId, String shortId, String status, long version, String placedAt,
                        String summary, List<Line> lines, List<Rejection> rejections, List<Change> history) {

    public record Line(String sku, String name, int quantity, String location) {
    }

    public record Rejection(String sku, String reason, String detail) {
    }

    public record Change(String status, String at, String detail) {
    }

    /** @param names item names by SKU (the SKU itself where the catalogue does not know it) */
    static OrderPage of(OrderView order, Function<String, String> names) {
        List<Line> lines = order.lines().stream()
                .map(l -> new Line(l.sku(), names.apply(l.sku()), l.quantity(), l.location())).toList();
        String summary = order.lines().stream().map(l -> l.quantity() + " × " + names.apply(l.sku()))
                .collect(Collectors.joining(", "));
        return new OrderPage(order.orderId(), shortId(order.orderId()), order.status().name(), order.version(),
                Formats.time(order.placedAt()), summary, lines,
                order.rejections().stream().map(r -> new Rejection(r.sku(), r.reason(), r.detail())).toList(),
                order.history().stream().map(h -> new Change(h.status().name(), Formats.time(h.at()), h.detail()))
                        .toList());
    }

    /** The first characters of the id after its prefix: enough to tell orders apart on screen. */
    static String shortId(String orderId) {
        String bare = orderId.startsWith("ord-") ? orderId.substring(4) : orderId;
        return bare.length() > 8 ? bare.substring(0, 8).toUpperCase(java.util.Locale.ROOT) : bare;
    }
}
