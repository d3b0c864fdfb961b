package io.stockroom.order.application;

import io.stockroom.contracts.order.RejectionReason;

import java.time.Duration;

/** What the order service counts and times. */
public interface OrderMetrics {

    void confirmed();

    /** @param reason the reason of the line that failed (not the lines released because of it) */
    void rejected(RejectionReason reason);

    /** How long placing an order took, from the command's arrival to its confirmation or rejection. */
    void reservationTook(Duration duration);

    /** The steps of placing a batch, so the benchmark can say where the time goes. */
    enum BatchStep { SOURCE, STORE_ORDERS, RESERVE, WRITE_OUTCOMES, HAND_OVER }

    /** How long one step of one batch took, and for how many orders. */
    void batchStepTook(BatchStep step, int orders, Duration duration);
}
