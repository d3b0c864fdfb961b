package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.stock.MovementKind;

import java.util.Optional;

/**
 * One change to one stock record, identified by an operation id that makes it idempotent: applied at most once,
 * however often it is attempted. Its preconditions (no bucket below zero, an expected count for compare-and-set)
 * travel with it into the single atomic update that applies it.
 *
 * @param expectedOnHand for a compare-and-set, the on-hand count the caller saw; null otherwise
 * @param createsRecord  true when applying to a missing record creates it (receiving, transfer in)
 */
public record Movement(String operationId, StockKey key, MovementKind kind, int onHandDelta, int reservedDelta,
                       Integer expectedOnHand, boolean createsRecord, Provenance provenance) {

    /** Operation ids are derived from command ids plus a suffix such as {@code :line:3:reserve}. */
    public static final int OPERATION_ID_LENGTH_MAX = 200;

    public Movement {
        Require.notNull("operationId", operationId);
        if (operationId.isBlank() || operationId.length() > OPERATION_ID_LENGTH_MAX) {
            throw new IllegalArgumentException("operationId must be 1-" + OPERATION_ID_LENGTH_MAX + " characters");
        }
        Require.notNull("key", key);
        Require.notNull("kind", kind);
        Require.inRange("onHandDelta", onHandDelta, -Require.QUANTITY_MAX, Require.QUANTITY_MAX);
        Require.inRange("reservedDelta", reservedDelta, -Require.QUANTITY_MAX, Require.QUANTITY_MAX);
        if (onHandDelta == 0 && reservedDelta == 0 && expectedOnHand == null) {
            throw new IllegalArgumentException("a movement must change something");
        }
        Require.notNull("provenance", provenance);
    }

    /** Units arrived. */
    public static Movement received(String operationId, StockKey key, int quantity, Provenance provenance) {
        return new Movement(operationId, key, MovementKind.RECEIVED, Require.positiveQuantity("quantity", quantity), 0,
                null, true, provenance);
    }

    /** A manual correction of on-hand units; a decrease may not eat into reserved units. */
    public static Movement adjusted(String operationId, StockKey key, int delta, Provenance provenance) {
        return new Movement(operationId, key, MovementKind.ADJUSTED, delta, 0, null, false, provenance);
    }

    /** Compare-and-set of the on-hand count. */
    public static Movement countSet(String operationId, StockKey key, int expectedOnHand, int newOnHand,
                                    Provenance provenance) {
        return new Movement(operationId, key, MovementKind.COUNT_SET, newOnHand - expectedOnHand, 0, expectedOnHand,
                false, provenance);
    }

    public static Movement transferredOut(String operationId, StockKey from, int quantity, Provenance provenance) {
        return new Movement(operationId, from, MovementKind.TRANSFERRED_OUT, -quantity, 0, null, false, provenance);
    }

    public static Movement transferredIn(String operationId, StockKey to, int quantity, Provenance provenance) {
        return new Movement(operationId, to, MovementKind.TRANSFERRED_IN, quantity, 0, null, true, provenance);
    }

    /** Puts units back at the source of a transfer whose destination refused them. */
    public static Movement transferReversed(String operationId, StockKey from, int quantity, Provenance provenance) {
        return new Movement(operationId, from, MovementKind.TRANSFER_REVERSED, quantity, 0, null, true, provenance);
    }

    /** Holds units for an order: available goes down, on hand stays. */
    public static Movement reserved(String operationId, StockKey key, int quantity, Provenance provenance) {
        return new Movement(operationId, key, MovementKind.RESERVED, 0, quantity, null, false, provenance);
    }

    /** Gives reserved units back to available (a cancelled or rejected order). */
    public static Movement released(String operationId, StockKey key, int quantity, Provenance provenance) {
        return new Movement(operationId, key, MovementKind.RELEASED, 0, -quantity, null, false, provenance);
    }

    /** Reserved units leave the building: on hand and reserved both go down. */
    public static Movement fulfilled(String operationId, StockKey key, int quantity, Provenance provenance) {
        return new Movement(operationId, key, MovementKind.FULFILLED, -quantity, -quantity, null, false, provenance);
    }

    /** The change to available units (on hand minus reserved). */
    public int availableDelta() {
        return onHandDelta - reservedDelta;
    }

    /**
     * Why this movement cannot apply to {@code current} (null when there is no record), or empty when it can. The
     * store enforces the same rules inside its atomic update; this says which one failed.
     */
    public Optional<Refusal> refusalAgainst(StockLevel current) {
        if (current == null) {
            return createsRecord ? Optional.empty() : Optional.of(Refusal.NO_STOCK_RECORD);
        }
        if (expectedOnHand != null && current.levels().onHand() != expectedOnHand) {
            return Optional.of(Refusal.COUNT_MISMATCH);
        }
        if (current.levels().reserved() + reservedDelta < 0) {
            return Optional.of(Refusal.INSUFFICIENT_RESERVED);
        }
        if (current.levels().onHand() + onHandDelta < 0 || current.available() + availableDelta() < 0) {
            return Optional.of(Refusal.INSUFFICIENT_AVAILABLE);
        }
        return Optional.empty();
    }
}
