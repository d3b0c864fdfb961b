package io.stockroom.health.monitoring.domain;

/** Where the queue figures on the page came from. */
public enum QueueSource {
    /** RabbitMQ's management HTTP API: depth, unacknowledged, consumers and rates. */
    MANAGEMENT_API("RabbitMQ management API"),
    /** A passive queue declare over AMQP: ready messages and consumers only (the embedded broker has no API). */
    AMQP("AMQP passive declare"),
    /** Neither answered: queue figures are unknown and do not count against any service. */
    UNAVAILABLE("unavailable");

    private final String label;

    QueueSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
