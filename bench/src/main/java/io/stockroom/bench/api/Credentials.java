package io.stockroom.bench.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A username and password for HTTP Basic; {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {

    public Credentials {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("username and password are required");
        }
    }

    /** The value of an {@code Authorization} header. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return username + ":***";
    }
}
