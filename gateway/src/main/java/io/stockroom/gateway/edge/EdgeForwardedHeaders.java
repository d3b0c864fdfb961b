package io.stockroom.gateway.edge;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

import java.util.List;

/**
 * The gateway is the edge: whatever {@code Forwarded}/{@code X-Forwarded-*} headers a client sent are dropped, and
 * the producer is told the address the gateway saw ({@code X-Forwarded-For}) and the scheme. Producers key their
 * per-address login throttle on it, so a client must not be able to choose it. Runs last among the proxy's header
 * filters, so nothing re-adds a claim. (Behind a load balancer of its own, run the gateway with
 * {@code server.forward-headers-strategy=native}: the address it sees is then the one that balancer vouches for.)
 */
@Component
public class EdgeForwardedHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    private static final List<String> CLIENT_CLAIMS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Real-IP");

    @Override
    public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
        HttpHeaders edge = new HttpHeaders();
        edge.putAll(headers);
        CLIENT_CLAIMS.forEach(edge::remove);
        edge.set("X-Forwarded-For", request.servletRequest().getRemoteAddr());
        edge.set("X-Forwarded-Proto", request.servletRequest().getScheme());
        return edge;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
