package io.stockroom.bench.reconcile;

/**
 * An order as {@code GET /api/orders/{id}} showed it at the end.
 *
 * @param httpStatus      the answer's status (200 unless the order is missing or the call failed; 0 for no answer)
 * @param status          the order's status, or null without a 200
 * @param terminalEntries how many CONFIRMED or REJECTED entries its history holds (exactly 1 when settled correctly)
 * @param failure         why there was no answer (the exception), or null
 */
public record OrderState(int httpStatus, String status, int terminalEntries, String failure) {

    public OrderState(int httpStatus, String status, int terminalEntries) {
        this(httpStatus, status, terminalEntries, null);
    }

    /** The call failed in transit or its answer could not be read. */
    public static OrderState noAnswer(Exception e) {
        return new OrderState(0, null, 0, e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    public boolean settled() {
        return httpStatus == 200 && ("CONFIRMED".equals(status) || "REJECTED".equals(status));
    }
}
