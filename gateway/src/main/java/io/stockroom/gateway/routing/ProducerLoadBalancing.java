package io.stockroom.gateway.routing;

import io.stockroom.gateway.config.GatewayProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Load-balancer configuration for the producers (registered through {@code @LoadBalancerClient}, so it lives in the
 * balancer's own child context and is deliberately not a component-scanned {@code @Configuration}): round robin over
 * the configured instances, keeping only those whose readiness endpoint answered 200 at the last check.
 */
public class ProducerLoadBalancing {

    @Bean
    ServiceInstanceListSupplier producerInstances(ConfigurableApplicationContext context,
                                                  GatewayProperties properties) {
        GatewayProperties.Health health = properties.health();
        // Its own short timeouts: a hung instance must fail its check within one interval, not after 30 s.
        RestClient checks = RestClient.builder().requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults().withConnectTimeout(health.timeout())
                        .withReadTimeout(health.timeout()))).build();
        return ServiceInstanceListSupplier.builder()
                .withBase(new ProducerInstances(properties.producerUrls()))
                .withBlockingHealthChecks(checks)
                .build(context);
    }
}
