package io.stockroom.producer.web;

import io.stockroom.contracts.item.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the UI writes money, counts and times: one format everywhere. Times are rendered in UTC and labelled so; app.js
 * shows them in the reader's time zone (see {@link Stamp}).
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 1,234.50 EUR: grouped, with the currency's usual decimals. */
    public static String money(Money money) {
        return money == null ? "" : amount(money.amount(), money.currency());
    }

    public static String amount(BigDecimal amount, String currency) {
        int decimals;
        try {
            decimals = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            decimals = 2;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(Math.max(decimals, 0));
        format.setMaximumFractionDigits(Math.max(decimals, 0));
        return format.format(amount.setScale(Math.max(decimals, 0), RoundingMode.HALF_EVEN)) + " " + currency;
    }

    /** Sums per currency: "1,200.00 EUR" or, for a mixed basket, "1,200.00 EUR + 80.00 CHF"; "" for none. */
    public static String total(List<Money> parts) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Money part : parts) {
            sums.merge(part.currency(), part.amount(), BigDecimal::add);
        }
        return sums.entrySet().stream().map(e -> amount(e.getValue(), e.getKey())).collect(Collectors.joining(" + "));
    }

    /** 1,234 with grouping. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** A lower-case enum-like word with its first letter capital and underscores as spaces: IN_STOCK → In stock. */
    public static String words(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
