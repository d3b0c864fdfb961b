package io.stockroom.gateway;

import io.stockroom.gateway.config.GatewayProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The gateway in front of N producer instances: one address for the UI, the JSON API and the live streams, with
 * health-checked load balancing, edge limits and correlation ids. It holds no state a restart would lose.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
