package io.stockroom.producer.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ProducerProperties}; each feature's own configuration reads the part it needs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProducerProperties.class)
public class ProducerPropertiesConfiguration {
}
