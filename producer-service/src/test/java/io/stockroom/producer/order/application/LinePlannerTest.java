package io.stockroom.producer.order.application;

import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationType;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.producer.catalogue.application.Catalogue;
import io.stockroom.producer.catalogue.domain.LocationView;
import io.stockroom.producer.catalogue.domain.ReadModel;
import io.stockroom.producer.catalogue.domain.StockView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LinePlannerTest {

    private final ReadModel model = new ReadModel();
    private final LinePlanner planner = new LinePlanner(new Catalogue(model, (sku, limit) -> List.of()));

    @BeforeEach
    void anItemAtThreeLocationsOneOfThemClosed() {
        model.applyItem("W1", new ItemDetails("Watch", "Brand", "Cat", new Money(new BigDecimal("10"), "EUR"),
                Map.of(), 1), 1, false);
        model.applyLocation(new LocationView("A", "A", LocationType.WAREHOUSE, 1, true, 1));
        model.applyLocation(new LocationView("B", "B", LocationType.WAREHOUSE, 2, true, 1));
        model.applyLocation(new LocationView("C", "C", LocationType.STORE, 3, false, 1));
        model.applyStock("W1", new StockView("A", 3, 0, 3, 1, 1, false));
        model.applyStock("W1", new StockView("B", 5, 1, 4, 1, 1, false));
        model.applyStock("W1", new StockView("C", 9, 0, 9, 1, 1, false));
    }

    @Test
    void what_one_location_can_serve_is_left_to_the_order_consumer_to_source() {
        assertThat(planner.plan(Map.of("W1", 4))).isEqualTo(new LinePlanner.Plan.Lines(
                List.of(new OrderLine("W1", 4, null))));
    }

    @Test
    void what_no_single_location_holds_is_split_across_active_locations_most_stocked_first() {
        assertThat(planner.orderable("W1")).isEqualTo(7);
        assertThat(planner.plan(Map.of("W1", 6))).isEqualTo(new LinePlanner.Plan.Lines(
                List.of(new OrderLine("W1", 4, "B"), new OrderLine("W1", 2, "A"))));
    }

    @Test
    void more_than_the_active_locations_hold_falls_short_with_what_is_there() {
        assertThat(planner.plan(Map.of("W1", 8, "GONE", 1))).isEqualTo(new LinePlanner.Plan.Short(
                Map.of("W1", 7, "GONE", 0)));
    }
}
