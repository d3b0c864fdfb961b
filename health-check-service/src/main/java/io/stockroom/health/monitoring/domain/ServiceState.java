package io.stockroom.health.monitoring.domain;

/** What the health service believes about one service right now. */
public enum ServiceState {
    /** Not observed yet since this health service started and nothing was stored before. */
    UNKNOWN(-1),
    UP(1),
    /** Answering, but a dependency is down or its dead-letter queue is growing. */
    DEGRADED(0.5),
    /** Not answering, or no consumer left on its queue: work is not being done. */
    DOWN(0);

    private final double gaugeValue;

    ServiceState(double gaugeValue) {
        this.gaugeValue = gaugeValue;
    }

    /** The value of the {@code stockroom_service_state} gauge: 1 up, 0.5 degraded, 0 down, -1 unknown. */
    public double gaugeValue() {
        return gaugeValue;
    }
}
