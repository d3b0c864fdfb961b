package io.stockroom.contracts.stock;

/**
 * The quantity buckets of one (SKU, location). Invariant 1 of the architecture holds by construction:
 * {@code onHand >= 0}, {@code reserved >= 0}, {@code available = onHand - reserved >= 0}.
 */
public record StockLevels(int onHand, int reserved, int available) {

    public StockLevels {
        if (onHand < 0 || reserved < 0 || available < 0 || available != onHand - reserved) {
            throw new IllegalArgumentException("stock levels break the invariant: onHand=" + onHand
                    + " reserved=" + reserved + " available=" + available);
        }
    }

    public static StockLevels of(int onHand, int reserved) {
        return new StockLevels(onHand, reserved, onHand - reserved);
    }

    public static StockLevels empty() {
        return new StockLevels(0, 0, 0);
    }
}
