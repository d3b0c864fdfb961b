package io.stockroom.contracts.item;

import io.stockroom.contracts.Require;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The editable description of an item, shared by the create and update commands and the item events.
 *
 * @param lowStockThreshold default per-location level at or below which a LowStock event is raised
 */
public record ItemDetails(String name, String brand, String category, Money price, Map<String, String> attributes,
                          int lowStockThreshold) {

    public static final int ATTRIBUTES_MAX = 32;
    public static final int NAME_LENGTH_MAX = 200;
    public static final int LABEL_LENGTH_MAX = 100;
    public static final int ATTRIBUTE_VALUE_LENGTH_MAX = 256;

    public ItemDetails {
        name = Require.text("name", name, NAME_LENGTH_MAX);
        brand = Require.text("brand", brand, LABEL_LENGTH_MAX);
        category = Require.text("category", category, LABEL_LENGTH_MAX);
        Require.notNull("price", price);
        attributes = checkedAttributes(attributes);
        Require.count("lowStockThreshold", lowStockThreshold);
    }

    private static Map<String, String> checkedAttributes(Map<String, String> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        if (attributes.size() > ATTRIBUTES_MAX) {
            throw new IllegalArgumentException("attributes must have at most " + ATTRIBUTES_MAX + " entries");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        attributes.forEach((key, value) -> {
            String checkedKey = Require.text("attributes key", key, LABEL_LENGTH_MAX);
            if (checkedKey.startsWith("$") || checkedKey.contains(".")) {
                throw new IllegalArgumentException("attributes key '" + checkedKey + "' must not start with '$' or contain '.'");
            }
            sorted.put(checkedKey, Require.text("attributes." + checkedKey, value, ATTRIBUTE_VALUE_LENGTH_MAX));
        });
        return Collections.unmodifiableMap(sorted);
    }
}
