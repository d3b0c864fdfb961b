package io.stockroom.producer.catalogue.domain;

import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.location.LocationType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadModelTest {

    private final ReadModel model = new ReadModel();

    private static ItemDetails watch(String name, String brand, String price, int threshold) {
        return new ItemDetails(name, brand, "watch", new Money(new BigDecimal(price), "EUR"), Map.of(), threshold);
    }

    private static StockView stock(String location, int onHand, int reserved, long version) {
        return new StockView(location, onHand, reserved, onHand - reserved, 2, version, false);
    }

    @Test
    void an_older_or_repeated_version_never_overwrites_a_newer_one() {
        assertThat(model.applyStock("A", stock("WH", 10, 0, 5))).isTrue();

        assertThat(model.applyStock("A", stock("WH", 99, 0, 4))).isFalse();
        assertThat(model.applyStock("A", stock("WH", 99, 0, 5))).isFalse();
        model.applyItem("A", watch("Diver", "Orion", "10.00", 1), 1, false);

        assertThat(model.item("A").orElseThrow().stock().getFirst().onHand()).isEqualTo(10);
    }

    @Test
    void a_search_matches_the_sku_and_the_category_as_well_as_name_and_brand() {
        model.applyItem("CLD-CHRONO-40", new ItemDetails("Racer", "Caldera", "chronograph",
                new Money(new BigDecimal("10.00"), "EUR"), Map.of(), 1), 1, false);
        model.applyItem("OTHER-1", new ItemDetails("Sea", "Orion", "diver", new Money(new BigDecimal("10.00"), "EUR"),
                Map.of(), 1), 1, false);

        assertThat(skus("cld")).containsExactly("CLD-CHRONO-40");
        assertThat(skus("CLD-CHRONO-40")).containsExactly("CLD-CHRONO-40");
        assertThat(skus("Diver")).containsExactly("OTHER-1");
    }

    @Test
    void the_stock_version_of_an_item_grows_with_every_change_of_any_of_its_records() {
        long before = model.stockVersion("A");
        model.applyStock("A", stock("WH", 10, 0, 5));
        long one = model.stockVersion("A");
        model.applyStock("A", stock("DS", 1, 0, 2));
        model.applyStock("A", new StockView("WH", 0, 0, 0, 2, 6, true));

        assertThat(one).isGreaterThan(before);
        assertThat(model.stockVersion("A")).isGreaterThan(one + 1);
    }

    private java.util.List<String> skus(String q) {
        return model.search(new CatalogueQuery(q, null, null, null, null, null, 0, 10)).items().stream()
                .map(ItemSummary::sku).toList();
    }

    @Test
    void a_deleted_item_stays_deleted_when_an_older_update_arrives_late() {
        model.applyItem("A", watch("Diver", "Orion", "10.00", 1), 1, false);
        model.applyItem("A", null, 3, true);

        model.applyItem("A", watch("Diver v2", "Orion", "10.00", 1), 2, false);

        assertThat(model.item("A")).isEmpty();
        assertThat(model.search(CatalogueQuery.all()).total()).isZero();
    }

    @Test
    void availability_counts_active_locations_only_and_compares_with_the_threshold() {
        model.applyItem("A", watch("Diver", "Orion", "10.00", 3), 1, false);
        model.applyStock("A", stock("WH", 5, 3, 1));
        model.applyStock("A", stock("DS", 50, 0, 1));
        model.applyLocation(new LocationView("DS", "Dark store", LocationType.DARK_STORE, 1, false, 2));

        ItemDetail item = model.item("A").orElseThrow();

        assertThat(item.available()).isEqualTo(2);
        assertThat(item.availability()).isEqualTo(Availability.LOW);
        assertThat(model.alerts(10)).extracting(StockAlertView::location).containsExactly("WH");
    }

    @Test
    void search_filters_by_text_brand_and_price_then_sorts_and_pages() {
        model.applyItem("A", watch("Sea Diver", "Orion", "300.00", 1), 1, false);
        model.applyItem("B", watch("Pilot", "Orion", "200.00", 1), 1, false);
        model.applyItem("C", watch("Dress", "Calder", "100.00", 1), 1, false);
        model.applyItem("D", watch("Field", "Halden", "150.00", 1), 1, false);

        CataloguePage orion = model.search(new CatalogueQuery("orion", null, null, null, null, CatalogueSort.PRICE_DESC,
                0, 1));
        CataloguePage cheap = model.search(new CatalogueQuery(null, null, null, new BigDecimal("120"),
                new BigDecimal("250"), CatalogueSort.PRICE, 0, 10));

        assertThat(orion.total()).isEqualTo(2);
        assertThat(orion.items()).extracting(ItemSummary::sku).containsExactly("A");
        assertThat(cheap.items()).extracting(ItemSummary::sku).containsExactly("D", "B");
        assertThat(model.search(new CatalogueQuery("DIVER", "orion", null, null, null, null, 0, 10)).total())
                .isEqualTo(1);
    }

    @Test
    void a_page_larger_than_the_bound_is_refused() {
        assertThatThrownBy(() -> new CatalogueQuery(null, null, null, null, null, null, 0, CatalogueQuery.SIZE_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogueSort.parse("stock")).isInstanceOf(IllegalArgumentException.class);
    }
}
