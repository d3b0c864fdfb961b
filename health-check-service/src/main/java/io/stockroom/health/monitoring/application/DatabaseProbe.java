package io.stockroom.health.monitoring.application;

import io.stockroom.health.monitoring.domain.ComponentCheck;

/** Checks that the database answers; must return within its own timeout. */
@FunctionalInterface
public interface DatabaseProbe {

    ComponentCheck check();
}
