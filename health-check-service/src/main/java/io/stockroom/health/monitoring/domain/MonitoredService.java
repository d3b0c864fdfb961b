package io.stockroom.health.monitoring.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service the health service watches.
 *
 * @param name         the service's name, as in {@code spring.application.name}
 * @param actuatorUrl  base URL of its actuator (without {@code /actuator}); null when only its queue is watched
 * @param queue        the queue it consumes; null when it consumes none the health service should watch
 * @param alsoConsumes further queues it consumes besides {@code queue}, such as the durable queue that keeps its own
 *                     copy of another service's data (ADR 0009); at most {@value #ALSO_CONSUMES_MAX}, distinct, and
 *                     only with a {@code queue}. A problem there degrades the service but never makes it DOWN.
 */
public record MonitoredService(String name, String actuatorUrl, String queue, List<String> alsoConsumes) {

    /** Enough for every copy a service could keep; a longer list is a configuration mistake. */
    public static final int ALSO_CONSUMES_MAX = 10;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** RabbitMQ allows 255 bytes; these characters are the ones a queue name of this system may use. */
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
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
        alsoConsumes = furtherQueues(name, queue, alsoConsumes);
    }

    /** A service that consumes at most one watched queue. */
    public MonitoredService(String name, String actuatorUrl, String queue) {
        this(name, actuatorUrl, queue, List.of());
    }

    public Optional<String> actuator() {
        return Optional.ofNullable(actuatorUrl);
    }

    public Optional<String> consumedQueue() {
        return Optional.ofNullable(queue);
    }

    /** Every queue of this service the health service reads: its queue first, then the further ones. */
    public List<String> watchedQueues() {
        return Stream.concat(consumedQueue().stream(), alsoConsumes.stream()).toList();
    }

    private static List<String> furtherQueues(String name, String queue, List<String> configured) {
        if (configured == null || configured.isEmpty()) {
            return List.of();
        }
        if (queue == null) {
            throw new IllegalArgumentException("service " + name + " lists further consumed queues but no queue");
        }
        if (configured.size() > ALSO_CONSUMES_MAX) {
            throw new IllegalArgumentException("service " + name + " lists " + configured.size()
                    + " further consumed queues; at most " + ALSO_CONSUMES_MAX);
        }
        Set<String> seen = new HashSet<>();
        for (String further : configured) {
            if (further == null || !QUEUE_NAME.matcher(further).matches()) {
                throw new IllegalArgumentException("service " + name + " has an invalid further queue name: '"
                        + further + "'");
            }
            if (further.equals(queue)) {
                throw new IllegalArgumentException("service " + name + " lists its own queue " + queue
                        + " as a further one");
            }
            if (!seen.add(further)) {
                throw new IllegalArgumentException("service " + name + " lists queue " + further + " twice");
            }
        }
        return List.copyOf(configured);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
