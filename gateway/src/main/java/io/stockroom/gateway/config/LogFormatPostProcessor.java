package io.stockroom.gateway.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * {@code LOG_FORMAT=text} gives plain console lines, as on every other Stockroom service (there the shared
 * service-support module does it; the gateway does not carry that module's messaging and storage). ECS JSON otherwise.
 */
public class LogFormatPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("text".equalsIgnoreCase(environment.getProperty("LOG_FORMAT"))) {
            environment.getPropertySources().addFirst(new MapPropertySource("stockroom-log-format",
                    Map.of("logging.structured.format.console", "")));
        }
    }
}
