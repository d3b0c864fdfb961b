package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.ActuatorCheck;
import io.stockroom.health.monitoring.domain.MonitoredService;

/** Polls one service's actuator health; bounded in time, never throws (answers "no answer" instead). */
public interface ActuatorProbe {

    ActuatorCheck check(MonitoredService service);
}
