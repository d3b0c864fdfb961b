package io.stockroom.gateway.routing;

import io.stockroom.gateway.config.GatewayProperties;
import io.stockroom.gateway.edge.Problems;
import org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.util.Set;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.preserveHostHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

/**
 * Three routes to the producer instances, checked in this order (after {@code internal}, which keeps
 * {@code /actuator/**} off the public port):
 * <ol>
 *   <li>{@code producer-streams}: the server-sent event streams. Never retried (a browser's EventSource reconnects by
 *       itself, and lands on a live instance); the gateway flushes every chunk (text/event-stream is a streaming
 *       type), and the
 *       read timeout only bounds silence, which the producer's 15 s heartbeats break.</li>
 *   <li>{@code producer-api}: the JSON API under {@code /api}.</li>
 *   <li>{@code producer-ui}: everything else (pages, forms, static assets).</li>
 * </ol>
 * Safe methods (GET, HEAD) are retried on another instance when one is unreachable or answers 5xx, which hides
 * the seconds between a producer dying and its next failed health check. Other methods are not retried: the request
 * may have reached the producer, and orders carry an Idempotency-Key so that the client can retry them safely.
 * The browser's Host header is kept, so redirects and cookies name the gateway, never an instance. Filters apply
 * outside in, in the order declared: problems wrap retries, retries wrap the balancer (each attempt picks again).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = ProducerRoutes.PRODUCER, configuration = ProducerLoadBalancing.class)
public class ProducerRoutes {

    /** Service id of the producers in the load balancer. */
    public static final String PRODUCER = "producer-service";

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    static final RequestPredicate STREAMS = path("/api/*/stream").or(path("/ui/*/stream"));

    /**
     * The producers' actuators are not the public's: {@code /actuator/**} on the public port ends here (the gateway's
     * own actuator listens on its management port).
     */
    @Bean
    @Order(0)
    RouterFunction<ServerResponse> internalPaths(Problems problems) {
        return route("internal").route(path("/actuator/**").or(path("/actuator")), problems::notFound).build();
    }

    @Bean
    @Order(1)
    RouterFunction<ServerResponse> producerStreams(Problems problems) {
        return route("producer-streams")
                .route(STREAMS, http())
                .filter(problems.asFilter())
                .before(preserveHostHeader())
                .filter(lb(PRODUCER))
                .build();
    }

    @Bean
    @Order(2)
    RouterFunction<ServerResponse> producerApi(GatewayProperties properties, Problems problems) {
        return route("producer-api")
                .route(path("/api/**"), http())
                .filter(problems.asFilter())
                .before(preserveHostHeader())
                .filter(retrySafeMethods(properties.upstream().getRetriesMax()))
                .filter(lb(PRODUCER))
                .build();
    }

    @Bean
    @Order(3)
    RouterFunction<ServerResponse> producerUi(GatewayProperties properties, Problems problems) {
        return route("producer-ui")
                .route(path("/**"), http())
                .filter(problems.asFilter())
                .before(preserveHostHeader())
                .filter(retrySafeMethods(properties.upstream().getRetriesMax()))
                .filter(lb(PRODUCER))
                .build();
    }

    /**
     * Each attempt runs the balancer again, so a retry goes to the next instance in the rotation. Other methods
     * bypass the retry filter entirely: its method setting does not stop it from retrying on an exception, and a
     * retried POST reached the next producer with its body already consumed (an empty body: 400), or could apply
     * twice.
     */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> retrySafeMethods(int retriesMax) {
        HandlerFilterFunction<ServerResponse, ServerResponse> retry = RetryFilterFunctions.retry(config -> config
                .setRetries(retriesMax)
                .setMethods(SAFE_METHODS)
                .setSeries(Set.of(HttpStatus.Series.SERVER_ERROR))
                .setExceptions(Set.of(IOException.class, ResourceAccessException.class))
                .setCacheBody(false));
        return (request, next) -> SAFE_METHODS.contains(request.method()) ? retry.filter(request, next)
                : next.handle(request);
    }
}
