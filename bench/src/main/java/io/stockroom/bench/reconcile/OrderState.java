package io.stockroom.bench.reconcile;

/**
 * An order as {@code GET /api/orders/{id}} showed it at the end.
 *
 * @param httpStatus      the answer's status (200 unless the order is missing or the call failed; 0 for no answer)
 * @param status          the order's status, or null without a 200
 * @param terminalEntries how many CONFIRMED or REJECTED entries its history holds (exactly 1 when settled correctly)
 */
public record OrderState(int httpStatus, String status, int terminalEntries) {

    public boolean settled() {
        return httpStatus == 200 && ("CONFIRMED".equals(status) || "REJECTED".equals(status));
    }
}
