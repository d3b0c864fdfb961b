package io.stockroom.producer.api;

import io.stockroom.producer.config.ProducerProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;

/** Strict JSON binding and body ceilings for the API. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    /**
     * Request bodies bind to explicit records and nothing else: an unknown field (mass assignment), a null for a
     * number, a fraction for a whole number, or trailing content is a 400, not silently dropped or rounded.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ProducerProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(
                properties.bodies().jsonBytesMax(), properties.bodies().csvBytesMax(), problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
