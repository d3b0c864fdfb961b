package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.Transition;

/**
 * Told about every state change. Implementations must return quickly (they run on a monitoring thread) and must not
 * throw: an alert channel that fails is logged by the monitor and never stops the polling.
 */
public interface TransitionAlerts {

    void transitioned(Transition transition, ServiceHealth now);
}
