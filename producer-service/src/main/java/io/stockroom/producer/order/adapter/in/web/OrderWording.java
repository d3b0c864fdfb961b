package io.stockroom.producer.order.adapter.in.web;

import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.producer.order.domain.OrderStatus;
import io.stockroom.producer.order.domain.StatusChange;

import java.util.Arrays;
import java.util.Optional;

/**
 * Sentences for people about orders: statuses, history steps and why a line could not be reserved. The rejection
 * reasons of the order consumer ({@link RejectionReason}) never reach a screen as codes.
 */
public final class OrderWording {

    private OrderWording() {
    }

    public static String status(OrderStatus status) {
        return switch (status) {
            case PLACED -> "Placed";
            case CONFIRMED -> "Confirmed";
            case REJECTED -> "Rejected";
            case CANCELLED -> "Cancelled";
            case FULFILLED -> "Fulfilled";
        };
    }

    /** One step of the history as a sentence; who cancelled or fulfilled is kept, codes are not. */
    public static String step(StatusChange change) {
        return switch (change.status()) {
            case PLACED -> "Order placed";
            case CONFIRMED -> "Confirmed: every item is reserved";
            case REJECTED -> "Not accepted: not every item could be reserved";
            case CANCELLED -> change.detail() == null ? "Cancelled" : change.detail();
            case FULFILLED -> change.detail() == null ? "Fulfilled" : change.detail();
        };
    }

    /**
     * Why one line was not reserved.
     *
     * @param name      the item's name (its SKU when the catalogue does not know it)
     * @param asked     units the line asked for
     * @param available units that could be ordered now (the read side's figure), for a line short of stock
     */
    public static String rejection(String reason, String name, int asked, int available) {
        RejectionReason known = Arrays.stream(RejectionReason.values()).filter(r -> r.name().equals(reason))
                .findFirst().orElse(null);
        if (known == null) {
            return name + " could not be reserved.";
        }
        return switch (known) {
            case OUT_OF_STOCK -> available <= 0 ? name + " is out of stock."
                    : available >= asked ? name + " was not available when your order was handled; " + available
                    + " " + (available == 1 ? "is" : "are") + " available again now."
                    : "Only " + available + " of " + name + " " + (available == 1 ? "is" : "are")
                    + " available; you asked for " + asked + ".";
            case UNKNOWN_SKU -> name + " is no longer sold.";
            case UNKNOWN_LOCATION -> "The location chosen for " + name + " does not exist.";
            case LOCATION_INACTIVE -> "The location chosen for " + name + " is closed.";
            case RELEASED_OTHER_LINE_FAILED -> name + " was available, but an order is reserved whole or not at "
                    + "all, so it was released.";
        };
    }

    /** Whether a rejected line's item could simply be ordered again now, in a smaller quantity or not at all. */
    public static Optional<RejectionReason> reason(String code) {
        return Arrays.stream(RejectionReason.values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
