package io.stockroom.producer.order.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Order ids derived from who placed the order and their idempotency key: the same user retrying with the same key
 * always names the same order, so a retry can never create a second one, and two users' keys never collide.
 */
public final class OrderIds {

    public static final int KEY_LENGTH_MIN = 8;
    public static final int KEY_LENGTH_MAX = 64;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{" + KEY_LENGTH_MIN + "," + KEY_LENGTH_MAX + "}");

    private OrderIds() {
    }

    /** @throws IllegalArgumentException when the key is missing or not 8-64 printable ASCII characters */
    public static String of(String customer, String idempotencyKey) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be " + KEY_LENGTH_MIN + "-" + KEY_LENGTH_MAX
                    + " printable ASCII characters without spaces");
        }
        byte[] name = (customer + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8);
        return "ord-" + UUID.nameUUIDFromBytes(name);
    }
}
