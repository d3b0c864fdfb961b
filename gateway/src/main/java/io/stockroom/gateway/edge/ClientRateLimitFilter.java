package io.stockroom.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.gateway.config.GatewayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * A request budget per client address for every route (a token bucket: {@code requestsPerSecond} refilled
 * continuously, {@code burst} at most), answered with 429 and {@code Retry-After} when spent. It guards the producers
 * from floods; the limits that carry business meaning (orders per user, failed logins) are the producers' own and are
 * counted across all producer instances. The gateway's own actuator is exempt, so probes never starve.
 */
public final class ClientRateLimitFilter extends OncePerRequestFilter {

    private final GatewayProperties.RateLimit limit;
    private final Problems problems;
    private final Cache<String, Bucket> buckets;
    private final Counter refused;

    public ClientRateLimitFilter(GatewayProperties.RateLimit limit, Problems problems, MeterRegistry meters) {
        this.limit = limit;
        this.problems = problems;
        // A bucket untouched for longer than a full refill is full again: forgetting it changes nothing.
        Duration fullRefill = Duration.ofMillis(Math.max(1_000, 1_000 * limit.burst() / limit.requestsPerSecond()));
        this.buckets = Caffeine.newBuilder().maximumSize(limit.clientsMax()).expireAfterAccess(fullRefill).build();
        this.refused = Counter.builder("stockroom.gateway.rate_limited").description("requests refused with 429")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limit.enabled() || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(request.getRemoteAddr(), address -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this address; retry after "
                + seconds + " s.", request.getRequestURI());
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1))).build();
    }
}
