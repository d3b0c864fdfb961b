package io.stockroom.producer.web;

import io.stockroom.contracts.item.Money;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the UI writes money and times: one format everywhere, times in UTC and labelled so. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String money(Money money) {
        return money == null ? "" : money.amount().toPlainString() + " " + money.currency();
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
