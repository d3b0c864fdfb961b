package io.stockroom.gateway.edge;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.gateway.config.GatewayProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The edge's servlet filters, in the order a request meets them: correlation id first (so even a refusal carries one),
 * then the rate limit (cheapest refusal), then the body ceiling. ({@link EdgeForwardedHeaders} works on the proxied
 * request itself.)
 */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        return registration(new CorrelationIdFilter(), FIRST);
    }

    @Bean
    FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(GatewayProperties properties,
                                                                         Problems problems, MeterRegistry meters) {
        return registration(new ClientRateLimitFilter(properties.rateLimit(), problems, meters), FIRST + 1);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(GatewayProperties properties,
                                                                           Problems problems) {
        return registration(new RequestSizeLimitFilter(properties.requestBytesMax().toBytes(), problems), FIRST + 2);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        return registration;
    }
}
