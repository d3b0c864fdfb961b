package io.stockroom.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The vocabulary of the fuzz: plausible values, hostile values, and the small helpers that pick among them. */
final class FuzzValues {

    /** Path segments that are hostile but travel on a request line Tomcat can parse. */
    static final List<String> HOSTILE_SEGMENTS = List.of("", ".", "..", "%2e%2e", "%2F", "a%2Fb", "%5C", "%00",
            "a%00b", "%C3%28", "%zz", "%", "a;b=c", ";jsessionid=0123", "%E2%80%AE", "%F0%9F%98%80", "%3Cscript%3E",
            "%27", "%22", "+", "%20", "%7Bsku%7D", "%24%7Bjndi:ldap:%2F%2Fx%7D", "*", "~", "CON", "..%2F..%2Fetc",
            "lower-case", "W-" + "A".repeat(70), "%FF%FE", "%C0%AF", "-", "_", "0", "-1", "9".repeat(30));
    /** Segments only a raw socket can send: they break the request line. */
    static final List<String> RAW_SEGMENTS = List.of("a b", "a\tb", "ü", "a\u0000b", "a\\b", "a\"b", "a{b}",
            "a|b", "a^b", "a`b", "\u00c3\u0028");
    static final List<String> QUERY_PARTS = List.of("page=-1", "page=abc", "page=99999999999", "page=2147483648",
            "size=0", "size=101", "size=-5", "size=1e3", "size=100", "sort=price", "sort=-price", "sort=%27",
            "sort=unknown", "q=watch", "q=%zz", "q=%C3%28", "q=%00", "q=" + "w".repeat(3_000), "limit=-1",
            "limit=100000", "limit=abc", "expectedVersion=abc", "expectedVersion=-9", "minPrice=abc", "maxPrice=-1",
            "minPrice=1e999", "brand=%F0%9F%98%80", "category=", "=", "&&&", "a=%00", "page=1&page=2",
            "error", "locked", "logout", "registered&username=%3Cb%3E", "continue", "_csrf=x");
    static final List<String> ACCEPTS = List.of("application/json", "*/*", "application/problem+json",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "text/event-stream",
            "application/xml", "image/png", "text/plain", "garbage/", ";;;", "application/json, text/html");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=ISO-8859-1", "application/json; charset=bogus", "text/plain", "text/csv",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=fuzz",
            "application/xml", "*/*", "", "garbage", "application/problem+json", "application/vnd.api+json",
            "text/csv; charset=UTF-16", "application/octet-stream", "application/json;;;");
    static final List<String> HOSTILE_STRINGS = List.of("", " ", "a".repeat(10_000), "ü".repeat(300),
            "\uD83D\uDE00".repeat(50), "\u202Eevil", "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x/a}",
            "{{7*7}}", "#{7*7}", "\\u0000", "null", "NaN", "-0", "../../etc/passwd", "%00", "\r\nX-Injected: 1",
            "SKU@LOC", "W-1", "WH1", "lower", "A B", "\uFFFF", "\uD800");
    static final List<Object> HOSTILE_NUMBERS = List.of(0, -1, 1, 1000, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE,
            2147483648L, Long.MAX_VALUE, 1.5, -0.0, 1e308, "1e400", "99999999999999999999999999", "0x10", "1_000");
    static final List<String> FORM_FIELDS = List.of("sku", "quantity", "location", "delta", "reason", "note",
            "expectedOnHand", "newOnHand", "from", "to", "code", "name", "type", "priority", "brand", "category",
            "price", "currency", "lowStockThreshold", "idempotencyKey", "username", "password", "confirmPassword",
            "q", "page", "size", "sort", "file");

    private FuzzValues() {
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static boolean chance(SplittableRandom random, int percent) {
        return random.nextInt(100) < percent;
    }

    static String sku(SplittableRandom random) {
        return "FZ-" + alphanumeric(random, 6).toUpperCase();
    }

    static String location(SplittableRandom random) {
        return "FZL" + random.nextInt(100);
    }

    static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    static String alphanumeric(SplittableRandom random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Random bytes, some of them invalid UTF-8 on purpose. */
    static byte[] junk(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
