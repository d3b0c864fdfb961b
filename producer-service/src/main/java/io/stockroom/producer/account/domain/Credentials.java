package io.stockroom.producer.account.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for user names and passwords, in one place so the API and the registration form agree. */
public final class Credentials {

    public static final int PASSWORD_LENGTH_MIN = 12;
    public static final int PASSWORD_LENGTH_MAX = 128;
    public static final int USERNAME_LENGTH_MIN = 3;
    public static final int USERNAME_LENGTH_MAX = 40;
    private static final Pattern USERNAME = Pattern.compile(
            "[a-z0-9._-]{" + USERNAME_LENGTH_MIN + "," + USERNAME_LENGTH_MAX + "}");

    private Credentials() {
    }

    /** The canonical (lower-case, stripped) form of a user name; null stays null. */
    public static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Why this (normalised) user name is not acceptable, or empty when it is. */
    public static Optional<String> usernameProblem(String normalisedUsername) {
        if (normalisedUsername == null || !USERNAME.matcher(normalisedUsername).matches()) {
            return Optional.of("Username must be " + USERNAME_LENGTH_MIN + "-" + USERNAME_LENGTH_MAX
                    + " characters of a-z, 0-9, '.', '_' or '-'.");
        }
        return Optional.empty();
    }

    /** Why this password is not acceptable, or empty when it is. */
    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < PASSWORD_LENGTH_MIN) {
            return Optional.of("Password must have at least " + PASSWORD_LENGTH_MIN + " characters.");
        }
        if (password.length() > PASSWORD_LENGTH_MAX) {
            return Optional.of("Password must have at most " + PASSWORD_LENGTH_MAX + " characters.");
        }
        if (password.isBlank()) {
            return Optional.of("Password must not be only spaces.");
        }
        return Optional.empty();
    }
}
