package io.stockroom.contracts.stock;

/** Why an admin adjusted a count by hand. Required: an adjustment without a reason is refused. */
public enum AdjustmentReason {
    RECOUNT,
    DAMAGED,
    SHRINKAGE,
    EXPIRED,
    CUSTOMER_RETURN,
    CORRECTION
}
