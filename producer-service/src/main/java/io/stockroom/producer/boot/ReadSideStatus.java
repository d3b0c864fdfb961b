package io.stockroom.producer.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Reports the instance ready only once its read side holds the stored catalogue (readiness group). */
public final class ReadSideStatus implements HealthIndicator {

    private volatile boolean loaded;

    void markLoaded() {
        loaded = true;
    }

    public boolean loaded() {
        return loaded;
    }

    @Override
    public Health health() {
        return loaded ? Health.up().build() : Health.outOfService().withDetail("readSide", "loading").build();
    }
}
