package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.stock.StockLevels;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MovementTest {

    private static final StockKey KEY = new StockKey("WATCH-1", "BLR-1");
    private static final Provenance BY_ADMIN = new Provenance("admin", "corr", null, Instant.EPOCH);

    private static StockLevel level(int onHand, int reserved) {
        return new StockLevel(KEY, StockLevels.of(onHand, reserved), 2, 7);
    }

    @Test
    void a_reservation_needs_enough_available_units_not_just_on_hand() {
        Movement reserve = Movement.reserved("op", KEY, 3, BY_ADMIN);

        assertThat(reserve.refusalAgainst(level(5, 2))).isEmpty();
        assertThat(reserve.refusalAgainst(level(5, 3))).contains(Refusal.INSUFFICIENT_AVAILABLE);
        assertThat(reserve.refusalAgainst(level(0, 0))).contains(Refusal.INSUFFICIENT_AVAILABLE);
    }

    @Test
    void a_decrease_may_not_eat_into_reserved_units() {
        Movement loss = Movement.adjusted("op", KEY, -3, BY_ADMIN);

        assertThat(loss.refusalAgainst(level(10, 7))).isEmpty();
        assertThat(loss.refusalAgainst(level(10, 8))).contains(Refusal.INSUFFICIENT_AVAILABLE);
    }

    @Test
    void releasing_or_fulfilling_more_than_is_reserved_is_refused() {
        assertThat(Movement.released("op", KEY, 4, BY_ADMIN).refusalAgainst(level(10, 3)))
                .contains(Refusal.INSUFFICIENT_RESERVED);
        assertThat(Movement.fulfilled("op", KEY, 3, BY_ADMIN).refusalAgainst(level(10, 3))).isEmpty();
    }

    @Test
    void a_compare_and_set_applies_only_to_the_expected_count_and_never_below_reserved() {
        assertThat(Movement.countSet("op", KEY, 10, 4, BY_ADMIN).refusalAgainst(level(11, 0)))
                .contains(Refusal.COUNT_MISMATCH);
        assertThat(Movement.countSet("op", KEY, 10, 4, BY_ADMIN).refusalAgainst(level(10, 5)))
                .contains(Refusal.INSUFFICIENT_AVAILABLE);
        assertThat(Movement.countSet("op", KEY, 10, 5, BY_ADMIN).refusalAgainst(level(10, 5))).isEmpty();
    }

    @Test
    void only_receipts_and_incoming_transfers_may_create_a_record() {
        assertThat(Movement.received("op", KEY, 1, BY_ADMIN).refusalAgainst(null)).isEmpty();
        assertThat(Movement.transferredIn("op", KEY, 1, BY_ADMIN).refusalAgainst(null)).isEmpty();
        assertThat(Movement.adjusted("op", KEY, 1, BY_ADMIN).refusalAgainst(null)).contains(Refusal.NO_STOCK_RECORD);
        assertThat(Movement.reserved("op", KEY, 1, BY_ADMIN).refusalAgainst(null)).contains(Refusal.NO_STOCK_RECORD);
    }

    @Test
    void a_movement_that_changes_nothing_cannot_be_made() {
        assertThatIllegalArgumentException().isThrownBy(() -> Movement.adjusted("op", KEY, 0, BY_ADMIN));
        assertThatIllegalArgumentException().isThrownBy(() -> Movement.received("op", KEY, 0, BY_ADMIN));
    }
}
