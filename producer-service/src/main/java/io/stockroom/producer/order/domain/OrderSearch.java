package io.stockroom.producer.order.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A filtered page of orders, newest first. Every filter is optional.
 *
 * @param customer exact user name (lower case)
 * @param sku      orders with a line of this SKU
 * @param from     placed at or after
 * @param until    placed before
 * @param text     an order number prefix (as shown, e.g. {@code 3F2A9C1B}) or the start of a customer's name
 */
public record OrderSearch(OrderStatus status, String customer, String sku, Instant from, Instant until,
                          String text, int page, int size) {

    public static final int SIZE_MAX = 100;
    public static final int PAGE_MAX = 1_000;
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public OrderSearch {
        customer = word("customer", customer);
        customer = customer == null ? null : customer.toLowerCase(Locale.ROOT);
        sku = word("sku", sku);
        sku = sku == null ? null : sku.toUpperCase(Locale.ROOT);
        text = word("search", text);
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the start date must be before the end date");
        }
        if (page < 0 || page > PAGE_MAX) {
            throw new IllegalArgumentException("page must be between 0 and " + PAGE_MAX);
        }
        if (size < 1 || size > SIZE_MAX) {
            throw new IllegalArgumentException("size must be between 1 and " + SIZE_MAX);
        }
    }

    public static OrderSearch of(String customer, int page, int size) {
        return new OrderSearch(null, customer, null, null, null, null, page, size);
    }

    public OrderSearch withPage(int newPage) {
        return new OrderSearch(status, customer, sku, from, until, text, newPage, size);
    }

    private static String word(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (!WORD.matcher(stripped).matches()) {
            throw new IllegalArgumentException(field + ": letters, digits and . _ @ - only, at most 64");
        }
        return stripped;
    }
}
