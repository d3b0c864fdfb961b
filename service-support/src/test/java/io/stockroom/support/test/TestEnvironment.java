package io.stockroom.support.test;

import java.util.Map;

/**
 * One isolated place to run services in a test: its own RabbitMQ vhost and MongoDB database.
 *
 * @param properties Spring properties that point a service at this environment
 */
public record TestEnvironment(String vhost, Map<String, String> properties, RabbitManagementClient management,
                              Runnable cleanup) implements AutoCloseable {

    /** The properties as {@code key=value} strings, for {@code SpringApplicationBuilder.properties(...)}. */
    public String[] propertyArguments() {
        return properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
