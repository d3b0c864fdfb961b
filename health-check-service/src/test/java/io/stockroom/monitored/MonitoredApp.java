package io.stockroom.monitored;

import io.stockroom.health.config.MongoPingHealthConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small, real Spring Boot service with actuator, for the health service to poll in tests: started and stopped on
 * a fixed port, with a health component ({@code switchable}) the test can turn DOWN. It lives outside
 * {@code io.stockroom.health} so the health service's component scan never picks it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MongoPingHealthConfiguration.class)
public class MonitoredApp {

    /** Turns the {@code switchable} health component DOWN or back UP. */
    public static final class HealthSwitch {
        private final AtomicBoolean down = new AtomicBoolean();

        public void down(boolean value) {
            down.set(value);
        }
    }

    @Bean
    HealthSwitch healthSwitch() {
        return new HealthSwitch();
    }

    @Bean
    HealthIndicator switchable(HealthSwitch healthSwitch) {
        return () -> healthSwitch.down.get() ? Health.down().withDetail("reason", "switched off by the test").build()
                : Health.up().build();
    }

    @Bean
    SecurityFilterChain openActuator(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    /**
     * Starts it on {@code port} against the given environment's broker and database (so its own rabbit and mongo
     * health components are genuinely UP). It reads no application.properties: only what is passed here.
     */
    public static ConfigurableApplicationContext start(int port, String... environment) {
        List<String> properties = new ArrayList<>(List.of(environment));
        properties.addAll(List.of("spring.config.name=monitored-app", "spring.application.name=monitored-app",
                "server.port=" + port, "stockroom.messaging.enabled=false", "spring.main.banner-mode=off",
                "logging.structured.format.console="));
        // Command-line arguments outrank any application.properties on the test classpath.
        return new SpringApplicationBuilder(MonitoredApp.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
