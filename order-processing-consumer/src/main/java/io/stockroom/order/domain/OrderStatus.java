package io.stockroom.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. The "-ING" states are persisted before the stock movements they stand for, so a
 * consumer that dies half-way resumes from them on redelivery instead of starting over.
 */
public enum OrderStatus {
    /** Accepted; lines are being reserved one by one. */
    PLACED,
    /** A line could not be reserved; the lines already taken are being released. */
    REJECTING,
    /** Terminal: nothing is reserved, every line has a reason. */
    REJECTED,
    /** Every line is reserved. */
    CONFIRMED,
    /** Cancel accepted; reservations are being released. */
    CANCELLING,
    /** Terminal: the reservations were released. */
    CANCELLED,
    /** Shipping accepted; reserved units are leaving on-hand stock. */
    FULFILLING,
    /** Terminal: the units left the building. */
    FULFILLED;

    /** True when {@code next} may directly follow this status. */
    public boolean canBecome(OrderStatus next) {
        return successors().contains(next);
    }

    /** The statuses that may directly follow this one; empty for terminal statuses. */
    public Set<OrderStatus> successors() {
        return switch (this) {
            case PLACED -> EnumSet.of(CONFIRMED, REJECTING);
            case REJECTING -> EnumSet.of(REJECTED);
            case CONFIRMED -> EnumSet.of(CANCELLING, FULFILLING);
            case CANCELLING -> EnumSet.of(CANCELLED);
            case FULFILLING -> EnumSet.of(FULFILLED);
            case REJECTED, CANCELLED, FULFILLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }
}
