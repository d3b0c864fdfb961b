package io.stockroom.health.monitoring.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service the health service watches.
 *
 * @param name        the service's name, as in {@code spring.application.name}
 * @param actuatorUrl base URL of its actuator (without {@code /actuator}); null when only its queue is watched
 * @param queue       the queue it consumes; null when it consumes none the health service should watch
 */
public record MonitoredService(String name, String actuatorUrl, String queue) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int URL_LENGTH_MAX = 500;

    public MonitoredService {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a monitored service needs a lower-case name (a-z, 0-9, -): " + name);
        }
        actuatorUrl = blankToNull(actuatorUrl);
        queue = blankToNull(queue);
        if (actuatorUrl == null && queue == null) {
            throw new IllegalArgumentException("service " + name + " needs an actuator URL, a queue, or both");
        }
        if (actuatorUrl != null && (actuatorUrl.length() > URL_LENGTH_MAX
                || !(actuatorUrl.startsWith("http://") || actuatorUrl.startsWith("https://")))) {
            throw new IllegalArgumentException("service " + name + " has an invalid actuator URL: " + actuatorUrl);
        }
        if (actuatorUrl != null && actuatorUrl.endsWith("/")) {
            actuatorUrl = actuatorUrl.substring(0, actuatorUrl.length() - 1);
        }
    }

    public Optional<String> actuator() {
        return Optional.ofNullable(actuatorUrl);
    }

    public Optional<String> consumedQueue() {
        return Optional.ofNullable(queue);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
