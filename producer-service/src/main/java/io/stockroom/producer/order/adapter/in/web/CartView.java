package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.order.OrderLine;

import java.util.List;

/**
 * The cart as the shop shows it, checked against the stock available now.
 *
 * @param short_ true when some line asks for more than is available (the order would not be placed)
 * @param fitLabel the words of the button that lowers every line to what is available, or null
 */
public record CartView(List<Line> lines, int units, String total, String idempotencyKey, boolean short_,
                       String fitLabel) {

    public CartView {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * One cart line; prices are formatted money.
     *
     * @param available units that can be ordered now
     * @param problem   why this line cannot be ordered as it is, or null
     */
    public record Line(String sku, String name, int quantity, String unitPrice, String lineTotal, int available,
                       String problem) {

        public int maxQuantity() {
            return Math.max(1, Math.min(Math.max(available, quantity), OrderLine.QUANTITY_MAX));
        }
    }
}
