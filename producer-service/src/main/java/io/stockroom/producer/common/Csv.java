package io.stockroom.producer.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV rows (RFC 4180: fields with a comma, quote or line break are quoted). A text field that a spreadsheet
 * would run as a formula ({@code =}, {@code +}, {@code @}, or {@code -} not followed by a digit) gets a leading
 * apostrophe, so an exported file cannot carry a formula into someone's spreadsheet.
 */
public final class Csv {

    private Csv() {
    }

    public static String row(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && formula(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean formula(String text) {
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return first == '-' && (text.length() == 1 || !Character.isDigit(text.charAt(1)));
    }
}
