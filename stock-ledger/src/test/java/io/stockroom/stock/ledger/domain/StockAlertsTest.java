package io.stockroom.stock.ledger.domain;

import io.stockroom.contracts.stock.StockAlert.Kind;
import io.stockroom.contracts.stock.StockLevels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockAlertsTest {

    private static StockLevel availableNow(int available) {
        return new StockLevel(new StockKey("S", "L"), StockLevels.of(available, 0), 5, 1);
    }

    @Test
    void falling_to_zero_is_out_of_stock() {
        assertThat(StockAlerts.crossed(3, availableNow(0))).containsExactly(Kind.OUT_OF_STOCK);
    }

    @Test
    void falling_through_the_threshold_is_low_stock_once() {
        assertThat(StockAlerts.crossed(8, availableNow(5))).containsExactly(Kind.LOW_STOCK);
        assertThat(StockAlerts.crossed(5, availableNow(4))).isEmpty();
    }

    @Test
    void rising_from_zero_is_back_in_stock_and_low_if_still_under_the_threshold() {
        assertThat(StockAlerts.crossed(0, availableNow(20))).containsExactly(Kind.BACK_IN_STOCK);
        assertThat(StockAlerts.crossed(0, availableNow(2))).containsExactly(Kind.BACK_IN_STOCK, Kind.LOW_STOCK);
    }

    @Test
    void changes_that_cross_nothing_raise_nothing() {
        assertThat(StockAlerts.crossed(20, availableNow(30))).isEmpty();
        assertThat(StockAlerts.crossed(0, availableNow(0))).isEmpty();
    }
}
