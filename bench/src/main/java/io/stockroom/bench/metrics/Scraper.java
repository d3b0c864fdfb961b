package io.stockroom.bench.metrics;

import io.stockroom.bench.api.ApiFailure;
import io.stockroom.bench.api.Credentials;
import io.stockroom.bench.metrics.PrometheusText.Series;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scrapes {@code /actuator/prometheus} of every service. A refused scrape (401/403) is an error that names the
 * variables to set, never a silently empty table.
 */
public final class Scraper {

    /** A service's name and base URL (its actuator lives under it). */
    public record Target(String service, URI baseUrl) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final List<Target> targets;
    private final Credentials credentials;

    /** @param credentials sent as HTTP Basic when not null (BENCH_ACTUATOR_USERNAME / BENCH_ACTUATOR_PASSWORD) */
    public Scraper(HttpClient http, List<Target> targets, Credentials credentials) {
        this.http = http;
        this.targets = List.copyOf(targets);
        this.credentials = credentials;
    }

    public List<Target> targets() {
        return targets;
    }

    /** Every service's samples, by service; throws {@link ApiFailure} if any scrape fails. */
    public Map<String, Map<Series, Double>> scrapeAll() throws InterruptedException {
        Map<String, Map<Series, Double>> all = new LinkedHashMap<>();
        for (Target target : targets) {
            all.put(target.service(), scrape(target));
        }
        return all;
    }

    private Map<Series, Double> scrape(Target target) throws InterruptedException {
        URI uri = target.baseUrl().resolve("/actuator/prometheus");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "text/plain;version=0.0.4");
        if (credentials != null) {
            request.header("Authorization", credentials.basicAuthorization());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiFailure("scraping " + target.service() + " at " + uri + " failed: " + e, e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ApiFailure("scraping " + target.service() + " at " + uri + " was refused (" + status + "): "
                    + (credentials == null ? "its metrics need credentials; set BENCH_ACTUATOR_USERNAME and"
                    + " BENCH_ACTUATOR_PASSWORD" : "the credentials in BENCH_ACTUATOR_USERNAME are not allowed"));
        }
        if (status != 200) {
            throw new ApiFailure("scraping " + target.service() + " at " + uri + " answered " + status);
        }
        return PrometheusText.parse(response.body());
    }
}
