package io.stockroom.contracts;

import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.stock.AdjustStock;
import io.stockroom.contracts.stock.AdjustmentReason;
import io.stockroom.contracts.stock.ReceiveStock;
import io.stockroom.contracts.stock.StockLevels;
import io.stockroom.contracts.stock.TransferStock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import static io.stockroom.contracts.ContractsMother.LOCATION;
import static io.stockroom.contracts.ContractsMother.SKU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ContractValidationTest {

    @Test
    void a_price_with_more_decimals_than_the_currency_allows_is_refused_not_rounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("12.345"), "INR"))
                .withMessageContaining("decimal places");
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("12.5"), "JPY"));
        assertThat(new Money(new BigDecimal("12.5"), "INR").amount()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void a_price_must_name_a_real_currency_and_not_be_negative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(BigDecimal.ONE, "RUPEES"))
                .withMessageContaining("ISO 4217");
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("-1"), "INR"));
    }

    @Test
    void zero_and_negative_quantities_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveStock("c", SKU, LOCATION, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveStock("c", SKU, LOCATION, -3, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(SKU, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine(SKU, OrderLine.QUANTITY_MAX + 1, null));
    }

    @Test
    void an_adjustment_needs_a_reason_and_a_non_zero_delta() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AdjustStock("c", SKU, LOCATION, -1, null, null))
                .withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new AdjustStock("c", SKU, LOCATION, 0, AdjustmentReason.RECOUNT, null));
    }

    @Test
    void a_sku_or_location_with_forbidden_characters_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveStock("c", "A@B", LOCATION, 1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveStock("c", "lower", LOCATION, 1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveStock("c", SKU, "BLR DS", 1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveStock("c", SKU, "$where", 1, null));
    }

    @Test
    void a_transfer_needs_two_different_locations() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TransferStock("c", SKU, LOCATION, LOCATION, 1));
    }

    @Test
    void an_order_has_a_bounded_number_of_distinct_lines() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContractsMother.placeOrder("o", "u"));
        List<OrderLine> tooMany = Collections.nCopies(PlaceOrder.LINES_MAX + 1, new OrderLine(SKU, 1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("o", "u", tooMany,
                io.stockroom.contracts.order.SourcingStrategy.MOST_AVAILABLE, ContractsMother.AT));
        assertThatIllegalArgumentException().isThrownBy(() -> ContractsMother.placeOrder("o", "u",
                new OrderLine(SKU, 1, LOCATION), new OrderLine(SKU, 2, LOCATION)))
                .withMessageContaining("repeat");
    }

    @Test
    void stock_levels_that_break_the_invariant_cannot_exist() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StockLevels(5, 6, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new StockLevels(5, 1, 3));
        assertThat(StockLevels.of(5, 2).available()).isEqualTo(3);
    }
}
