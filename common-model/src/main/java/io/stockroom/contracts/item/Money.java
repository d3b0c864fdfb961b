package io.stockroom.contracts.item;

import io.stockroom.contracts.Require;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in one currency. Never a float: the amount is a decimal whose scale may not exceed the
 * currency's minor unit (2 for INR and EUR, 0 for JPY), so 12.345 INR is refused rather than rounded.
 */
public record Money(BigDecimal amount, String currency) {

    /** Upper bound on a price; far above any real item, low enough to rule out typos of many zeros. */
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("100000000");

    public Money {
        Require.notNull("price.amount", amount);
        Require.notNull("price.currency", currency);
        Currency iso = currencyOf(currency);
        if (amount.signum() < 0 || amount.compareTo(AMOUNT_MAX) > 0) {
            throw new IllegalArgumentException("price.amount must be between 0 and " + AMOUNT_MAX.toPlainString());
        }
        BigDecimal normalised = amount.stripTrailingZeros();
        int scaleMax = Math.max(iso.getDefaultFractionDigits(), 0);
        if (normalised.scale() > scaleMax) {
            throw new IllegalArgumentException("price.amount has more than " + scaleMax
                    + " decimal places, which " + currency + " does not allow");
        }
        amount = amount.setScale(scaleMax);
    }

    private static Currency currencyOf(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("price.currency must be an ISO 4217 code such as INR or USD, was '"
                    + code + "'");
        }
    }
}
