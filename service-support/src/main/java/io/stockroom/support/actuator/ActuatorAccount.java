package io.stockroom.support.actuator;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one account that may read health details, metrics and the other actuator endpoints of every service
 * ({@code STOCKROOM_ACTUATOR_USERNAME} / {@code STOCKROOM_ACTUATOR_PASSWORD}): Prometheus, the health service's poller
 * and operators use it. Without it, actuators answer only the bare health status (and liveness and readiness);
 * everything else is refused. Secrets from the environment only; the password is a machine secret and must be long.
 *
 * @param username empty for none
 * @param password at least {@value #PASSWORD_LENGTH_MIN} characters when a username is set
 */
@ConfigurationProperties("stockroom.actuator")
public record ActuatorAccount(String username, String password) {

    public static final String ROLE = "ACTUATOR";
    public static final int PASSWORD_LENGTH_MIN = 16;

    public ActuatorAccount {
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        if (username.isEmpty() != password.isEmpty()) {
            throw new IllegalArgumentException("Set both STOCKROOM_ACTUATOR_USERNAME and STOCKROOM_ACTUATOR_PASSWORD, "
                    + "or neither");
        }
        if (!username.isEmpty() && password.length() < PASSWORD_LENGTH_MIN) {
            throw new IllegalArgumentException("STOCKROOM_ACTUATOR_PASSWORD must have at least "
                    + PASSWORD_LENGTH_MIN + " characters (a random machine secret; deploy/make-env.sh makes one)");
        }
    }

    public boolean configured() {
        return !username.isEmpty();
    }

    /** The {@code Authorization} header value for a client of the actuators; null when no account is set. */
    public String basicAuthorization() {
        return configured() ? "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8)) : null;
    }

    @Override
    public String toString() {
        return "ActuatorAccount[username=" + username + ", password hidden]";
    }
}
