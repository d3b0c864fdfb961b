package io.stockroom.producer.catalogue.adapter.in.web;

import io.stockroom.contracts.Require;
import io.stockroom.contracts.item.CreateItem;
import io.stockroom.contracts.item.ItemDetails;
import io.stockroom.contracts.item.Money;
import io.stockroom.contracts.item.UpdateItem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The item form, for adding and for editing (where the SKU is fixed). The SKU is upper-cased as typed; attributes
 * are "key=value" pairs separated by commas.
 */
public record NewItemForm(
        @NotBlank(message = "Enter a SKU.")
        @Pattern(regexp = "[A-Z0-9][A-Z0-9._-]{0,63}", message = "Use letters, digits, dot, dash or underscore (up to 64).")
        String sku,
        @NotBlank(message = "Enter a name.") @Size(max = 200, message = "At most 200 characters.") String name,
        @NotBlank(message = "Enter a brand.") @Size(max = 100, message = "At most 100 characters.") String brand,
        @NotBlank(message = "Enter a category.") @Size(max = 100, message = "At most 100 characters.") String category,
        @NotBlank(message = "Enter a price.")
        @Pattern(regexp = "\\d{1,9}(\\.\\d{1,2})?", message = "Enter a price such as 199 or 199.00.")
        String priceAmount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "Choose a currency.") String currency,
        @NotNull(message = "Enter a threshold (0 for none).")
        @Min(value = 0, message = "The threshold cannot be negative.")
        @Max(value = Require.QUANTITY_MAX, message = "At most 1,000,000.") Integer lowStockThreshold,
        @Size(max = 1000, message = "At most 1,000 characters.")
        @Pattern(regexp = "\\s*|([^=,]+=[^=,]+)(\\s*,\\s*[^=,]+=[^=,]+)*\\s*",
                message = "Write attributes as key=value pairs separated by commas.")
        String attributes) {

    /** The currencies the form offers. */
    public static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "INR", "CHF", "JPY");

    public NewItemForm {
        sku = sku == null ? null : sku.strip().toUpperCase(Locale.ROOT);
        priceAmount = priceAmount == null ? null : priceAmount.strip().replace(',', '.');
    }

    public static NewItemForm empty() {
        return new NewItemForm("", "", "", "", "", "EUR", 5, "");
    }

    /** The form filled with an item's details, to edit them. */
    public static NewItemForm of(String sku, ItemDetails details) {
        String attributes = details.attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        return new NewItemForm(sku, details.name(), details.brand(), details.category(),
                details.price().amount().toPlainString(), details.price().currency(), details.lowStockThreshold(),
                attributes);
    }

    /** @throws IllegalArgumentException when the contract refuses a value (e.g. decimals the currency lacks) */
    public CreateItem toCommand(String commandId) {
        return new CreateItem(commandId, sku, details());
    }

    /** @throws IllegalArgumentException when the contract refuses a value */
    public UpdateItem toUpdate(String commandId, long expectedVersion) {
        return new UpdateItem(commandId, sku, expectedVersion, details());
    }

    private ItemDetails details() {
        Money price = new Money(new BigDecimal(priceAmount), currency);
        return new ItemDetails(name, brand, category, price, parsedAttributes(), lowStockThreshold);
    }

    private Map<String, String> parsedAttributes() {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (attributes == null || attributes.isBlank()) {
            return parsed;
        }
        for (String pair : attributes.split(",")) {
            String[] keyValue = pair.split("=", 2);
            parsed.put(keyValue[0].strip(), keyValue[1].strip());
        }
        return parsed;
    }
}
