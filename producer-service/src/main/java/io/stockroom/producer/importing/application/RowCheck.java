package io.stockroom.producer.importing.application;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.stock.ReceiveStock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks every field of one CSV row and keeps every problem (not just the first), each as a sentence that names
 * the column; only a row without problems yields its commands.
 */
final class RowCheck {

    private final List<String> fields;
    private final Map<String, Integer> columns;
    private final List<String> errors = new ArrayList<>();

    RowCheck(List<String> fields, Map<String, Integer> columns) {
        this.fields = fields;
        this.columns = columns;
    }

    List<String> errors() {
        return errors;
    }

    String sku() {
        return field("sku");
    }

    /** The row's commands, or null when a field has a problem (then {@link #errors()} says which). */
    Commands commands(String baseId) {
        String sku = check(() -> Require.sku(required("sku")));
        String name = check(() -> Require.text("name", required("name"), ItemDetails.NAME_LENGTH_MAX));
        String brand = check(() -> Require.text("brand", required("brand"), ItemDetails.LABEL_LENGTH_MAX));
        String category = check(() -> Require.text("category", required("category"), ItemDetails.LABEL_LENGTH_MAX));
        Money price = check(() -> new Money(decimal(required("price")), required("currency")));
        Integer level = check(() -> Require.count("lowStockThreshold", whole("lowStockThreshold",
                required("lowstockthreshold"))));
        String location = field("location");
        String quantity = field("quantity");
        String where = null;
        Integer units = null;
        if (location != null || quantity != null) {
            where = check(() -> Require.location("location", required("location")));
            units = check(() -> Require.positiveQuantity("quantity", whole("quantity", required("quantity"))));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        CreateItem create = new CreateItem(baseId, sku, new ItemDetails(name, brand, category, price, Map.of(), level));
        ReceiveStock receive = where == null ? null
                : new ReceiveStock(baseId + "-receive", sku, where, units, "CSV import");
        return new Commands(create, receive);
    }

    /** What a valid row sends: the item, and its opening stock if the row names a location. */
    record Commands(CreateItem create, ReceiveStock receive) {
    }

    private <T> T check(Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException problem) {
            errors.add(problem.getMessage());
            return null;
        }
    }

    String field(String name) {
        Integer index = columns.get(name);
        if (index == null || index >= fields.size() || fields.get(index).isEmpty()) {
            return null;
        }
        return fields.get(index);
    }

    private String required(String name) {
        String value = field(name);
        if (value == null) {
            String column = name.equals("lowstockthreshold") ? "lowStockThreshold" : name;
            throw new IllegalArgumentException(column + " is required");
        }
        return value;
    }

    private static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("price must be a decimal number such as 199.00, was '" + value + "'");
        }
    }

    private static int whole(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, was '" + value + "'");
        }
    }
}
