package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.item.Money;
import io.stockroom.producer.order.domain.OrderLineView;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.OrderView;
import io.stockroom.producer.order.domain.RejectionView;
import io.stockroom.producer.web.Formats;
import io.stockroom.producer.web.Stamp;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * An order as its pages show it (the shopper's and the admin's): lines with prices and totals, what happened and
 * why, in sentences. {@code retry} is what could be ordered instead of a rejected order, or null.
 */
public record OrderDetailView(String orderId, String number, String customer, String status, String statusLabel,
                              long version, Stamp placedAt, List<Line> lines, int units, String total,
                              boolean totalComplete, String summary, List<String> rejections, List<Change> history,
                              Retry retry) {

    /** One line; {@code rejection} is why it was not reserved, or null. */
    public record Line(String sku, String name, int quantity, String location, String unitPrice, String lineTotal,
                       String rejection) {
    }

    public record Change(String status, String text, Stamp at) {
    }

    /** Units of each item that can be ordered now, and the button's words. */
    public record Retry(Map<String, Integer> units, String label) {
    }

    /** The SKUs of the order's lines, comma-separated (a rejected order's page follows their stock). */
    public String skus() {
        return lines.stream().map(Line::sku).distinct().collect(Collectors.joining(","));
    }

    public boolean isPlaced() {
        return "PLACED".equals(status);
    }

    /** Only a confirmed order can be cancelled or fulfilled. */
    public boolean isOpen() {
        return "CONFIRMED".equals(status);
    }

    /**
     * @param names     item names by SKU (the SKU itself where the catalogue does not know it)
     * @param orderable units of an item that could be ordered now
     */
    public static OrderDetailView of(OrderView order, Function<String, String> names,
                                     ToIntFunction<String> orderableNow) {
        // One figure per item for the whole page: the read side may move on while the page is rendered.
        Map<String, Integer> seen = new java.util.HashMap<>();
        ToIntFunction<String> orderable = sku -> seen.computeIfAbsent(sku, orderableNow::applyAsInt);
        Map<Integer, RejectionView> rejected = order.rejections().stream()
                .collect(Collectors.toMap(RejectionView::lineNo, r -> r, (a, b) -> a));
        List<Line> lines = order.lines().stream().map(l -> line(l, names, rejected.get(l.lineNo()), orderable))
                .toList();
        List<Money> prices = order.lines().stream().filter(l -> l.unitPrice() != null)
                .map(l -> new Money(l.unitPrice().amount().multiply(BigDecimal.valueOf(l.quantity())),
                        l.unitPrice().currency())).toList();
        String summary = order.lines().stream().map(l -> l.quantity() + " × " + names.apply(l.sku()))
                .collect(Collectors.joining(", "));
        List<String> reasons = lines.stream().map(Line::rejection).filter(Objects::nonNull).toList();
        List<Change> history = order.history().stream().map(h -> new Change(h.status().name(),
                OrderWording.step(h), Stamp.of(h.at()))).toList();
        return new OrderDetailView(order.orderId(), number(order.orderId()), order.customer(), order.status().name(),
                OrderWording.status(order.status()), order.version(), Stamp.of(order.placedAt()), lines,
                order.lines().stream().mapToInt(OrderLineView::quantity).sum(), Formats.total(prices),
                prices.size() == order.lines().size(), summary, reasons, history,
                order.status() == OrderStatus.REJECTED ? retry(order, names, orderable) : null);
    }

    private static Line line(OrderLineView line, Function<String, String> names, RejectionView rejection,
                             ToIntFunction<String> orderable) {
        Money price = line.unitPrice();
        String why = rejection == null ? null : OrderWording.rejection(rejection.reason(), names.apply(line.sku()),
                line.quantity(), orderable.applyAsInt(line.sku()));
        return new Line(line.sku(), names.apply(line.sku()), line.quantity(), line.location(), Formats.money(price),
                price == null ? "" : Formats.money(new Money(price.amount().multiply(
                        BigDecimal.valueOf(line.quantity())), price.currency())), why);
    }

    /** What is available now of a rejected order's items, capped at what was asked; null when nothing is. */
    private static Retry retry(OrderView order, Function<String, String> names, ToIntFunction<String> orderable) {
        Map<String, Integer> asked = new LinkedHashMap<>();
        order.lines().forEach(l -> asked.merge(l.sku(), l.quantity(), Integer::sum));
        Map<String, Integer> units = new LinkedHashMap<>();
        asked.forEach((sku, wanted) -> {
            int now = Math.min(wanted, orderable.applyAsInt(sku));
            if (now > 0) {
                units.put(sku, now);
            }
        });
        if (units.isEmpty()) {
            return null;
        }
        if (units.equals(asked)) {
            return new Retry(units, "Place this order again");
        }
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        String label = units.size() == 1
                ? "Order the " + total + " available instead"
                : "Order the " + total + " available units instead";
        return new Retry(units, label);
    }

    /** The number shown for an order: the first characters of its id, enough to tell orders apart on screen. */
    public static String number(String orderId) {
        String bare = orderId.startsWith("ord-") ? orderId.substring(4) : orderId;
        return bare.length() > 8 ? bare.substring(0, 8).toUpperCase(Locale.ROOT) : bare;
    }
}
