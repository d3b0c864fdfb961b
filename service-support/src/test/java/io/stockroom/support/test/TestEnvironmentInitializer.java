package io.stockroom.support.test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;

/**
 * Points a Spring test context at a fresh {@link TestEnvironment} and exposes it as a bean, so the test can reach
 * the same vhost and database its service uses.
 */
public class TestEnvironmentInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestEnvironment environment = TestInfrastructure.get().newEnvironment();
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("stockroom-test-environment", new HashMap<>(environment.properties())));
        context.getBeanFactory().registerSingleton("testEnvironment", environment);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                environment.close();
            }
        });
    }
}
