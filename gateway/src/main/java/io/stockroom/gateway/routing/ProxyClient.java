package io.stockroom.gateway.routing;

import io.stockroom.gateway.config.GatewayProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The HTTP client that carries proxied requests to the producers (the gateway's RestClient picks up this factory).
 * Apache HttpClient 5, because it may send the browser's Host header (the JDK client refuses to) and because its pool
 * is sized here rather than left at the library's 5 connections per instance, which would queue a busy gateway.
 */
@Configuration(proxyBeanMethods = false)
class ProxyClient {

    @Bean
    ClientHttpRequestFactory producerRequestFactory(GatewayProperties properties) {
        GatewayProperties.Upstream upstream = properties.upstream();
        int perInstance = upstream.connectionsPerInstanceMax();
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(perInstance)
                        .setMaxConnTotal(perInstance * properties.producerUrls().size()))
                .build(HttpClientSettings.defaults()
                        .withTimeouts(upstream.connectTimeout(), upstream.readTimeout())
                        // A producer's redirect is for the browser (login, post-redirect-get), never to follow here.
                        .withRedirects(HttpRedirects.DONT_FOLLOW));
    }
}
