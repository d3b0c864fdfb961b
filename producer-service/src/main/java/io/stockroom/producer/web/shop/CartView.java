package io.stockroom.producer.web.shop;

import java.util.List;

/** The cart as the shop page shows it. */
public record CartView(List<Line> lines, int units, String total, String idempotencyKey) {

    public CartView {
        lines = List.copyOf(lines);
    }

    /** One cart line; {@code unitPrice} is formatted money. */
    public record Line(String sku, String name, int quantity, String unitPrice) {
    }
}
