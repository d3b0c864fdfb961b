package io.stockroom.producer.importing.application;

import io.stockroom.producer.importing.domain.CsvLine;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RowCheckTest {

    private static final Map<String, Integer> COLUMNS = Map.of("sku", 0, "name", 1, "brand", 2, "category", 3,
            "price", 4, "currency", 5, "lowstockthreshold", 6, "location", 7, "quantity", 8);

    @Test
    void every_problem_of_a_row_is_reported_not_only_the_first() {
        RowCheck row = new RowCheck(CsvLine.split("bad sku,,Tissot,Dress,12.345,EUR,-1,,5"), COLUMNS);

        assertThat(row.commands("imp-1")).isNull();
        assertThat(row.errors()).hasSize(5).anySatisfy(e -> assertThat(e).startsWith("sku must be"))
                .anySatisfy(e -> assertThat(e).isEqualTo("name is required"))
                .anySatisfy(e -> assertThat(e).contains("decimal places"))
                .anySatisfy(e -> assertThat(e).startsWith("lowStockThreshold must be between"))
                .anySatisfy(e -> assertThat(e).isEqualTo("location is required"));
    }

    @Test
    void a_valid_row_becomes_an_item_and_its_opening_stock() {
        RowCheck row = new RowCheck(CsvLine.split("WATCH-1,Diver,Seiko,Diver,349.00,EUR,3,WH-1,10"), COLUMNS);

        RowCheck.Commands commands = row.commands("imp-1");

        assertThat(row.errors()).isEmpty();
        assertThat(commands.create().details().price().amount()).isEqualByComparingTo("349");
        assertThat(commands.receive().quantity()).isEqualTo(10);
        assertThat(commands.receive().commandId()).isEqualTo("imp-1-receive");
    }
}
