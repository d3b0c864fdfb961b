package io.stockroom.producer.api;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Installs {@link LiteralPrefixRequestMapping} as the application's request mapping (same rules, cheaper test). */
@Configuration(proxyBeanMethods = false)
class RequestMappingConfiguration {

    @Bean
    WebMvcRegistrations literalPrefixRequestMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixRequestMapping();
            }
        };
    }
}
