package io.stockroom.support.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Adds {@code stockroom-defaults.properties} as the lowest-precedence property source of every service, so the
 * settings that make messaging reliable (confirms, returns, mandatory, timeouts) and the environment-variable names
 * for connections are written once. Anything a service or the environment sets wins.
 */
public class StockroomDefaultsPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "stockroom-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(SOURCE_NAME, new ClassPathResource("stockroom-defaults.properties")));
            if ("text".equalsIgnoreCase(environment.getProperty("LOG_FORMAT"))) {
                // Plain console lines for people reading a terminal; ECS JSON stays the default for machines.
                environment.getPropertySources().addFirst(new MapPropertySource("stockroom-log-format",
                        Map.of("logging.structured.format.console", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stockroom-defaults.properties is missing from service-support", e);
        }
    }
}
