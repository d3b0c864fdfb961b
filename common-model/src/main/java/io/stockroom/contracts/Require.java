package io.stockroom.contracts;

import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks used by the compact constructors of every contract record, so an invalid command cannot even be built:
 * the API rejects it with a 4xx, and a consumer that receives one dead-letters it as malformed.
 */
public final class Require {

    /** Upper bound on any single quantity, so sums over a bounded number of lines cannot overflow an int. */
    public static final int QUANTITY_MAX = 1_000_000;
    public static final int ID_LENGTH_MAX = 100;
    public static final int TEXT_LENGTH_MAX = 500;

    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,63}");
    private static final Pattern LOCATION = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0," + (ID_LENGTH_MAX - 1) + "}");

    private Require() {
    }

    /** A SKU: 1-64 of upper-case letters, digits, '.', '_' and '-'; never '@', which joins SKU and location. */
    public static String sku(String sku) {
        return matching("sku", sku, SKU, "1-64 characters of A-Z, 0-9, '.', '_', '-', starting with a letter or digit");
    }

    /** A location code: 1-32 of upper-case letters, digits, '_' and '-'. */
    public static String location(String field, String code) {
        return matching(field, code, LOCATION, "1-32 characters of A-Z, 0-9, '_', '-', starting with a letter or digit");
    }

    /** An identifier (command id, order id, user name): 1-100 of letters, digits, ':', '.', '_' and '-'. */
    public static String id(String field, String id) {
        return matching(field, id, ID, "1-100 characters of letters, digits, ':', '.', '_', '-'");
    }

    /** Non-blank text of at most {@code lengthMax} characters, stripped of surrounding white space. */
    public static String text(String field, String value, int lengthMax) {
        notNull(field, value);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return optionalText(field, stripped, lengthMax);
    }

    /** Text that may be null or blank (then null), at most {@code lengthMax} characters. */
    public static String optionalText(String field, String value, int lengthMax) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > lengthMax) {
            throw new IllegalArgumentException(field + " must be at most " + lengthMax + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return stripped;
    }

    /** A quantity in 1..{@link #QUANTITY_MAX}. */
    public static int positiveQuantity(String field, int quantity) {
        return inRange(field, quantity, 1, QUANTITY_MAX);
    }

    /** A count in 0..{@link #QUANTITY_MAX}. */
    public static int count(String field, int count) {
        return inRange(field, count, 0, QUANTITY_MAX);
    }

    public static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** A collection of {@code 1..sizeMax} elements, none null. */
    public static <C extends Collection<?>> C size(String field, C values, int sizeMin, int sizeMax) {
        notNull(field, values);
        if (values.size() < sizeMin || values.size() > sizeMax) {
            throw new IllegalArgumentException(field + " must have between " + sizeMin + " and " + sizeMax
                    + " entries, had " + values.size());
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + " must not contain null entries");
        }
        return values;
    }

    private static String matching(String field, String value, Pattern pattern, String rule) {
        notNull(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + rule);
        }
        return value;
    }
}
