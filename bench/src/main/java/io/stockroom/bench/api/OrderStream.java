package io.stockroom.bench.api;

import io.stockroom.bench.load.OrderRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One shopper's live order stream ({@code GET /api/orders/stream}), read on its own virtual thread. Each terminal
 * status event is timestamped when it arrives, which is when the shopper sees the order settle. A dropped stream is
 * reopened and counted; an event it missed meanwhile is caught later by reconciliation, never hidden.
 */
public final class OrderStream implements AutoCloseable {

    /** Statuses after which an order placed by the benchmark needs nothing more. */
    public static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED");
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(200);

    private final StockroomApi api;
    private final Credentials shopper;
    private final OrderRegistry registry;
    private final JsonMapper json;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private volatile boolean closed;
    private volatile InputStream body;
    private Thread reader;

    public OrderStream(StockroomApi api, Credentials shopper, OrderRegistry registry) {
        this.api = api;
        this.shopper = shopper;
        this.registry = registry;
        this.json = api.json();
    }

    /** Opens the stream on a virtual thread; see {@link #awaitConnected}. */
    public OrderStream start() {
        reader = Thread.ofVirtual().name("sse-" + shopper.username()).start(this::readUntilClosed);
        return this;
    }

    /** @return whether the server's first comment arrived within {@code timeout} */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int reconnects() {
        return reconnects.get();
    }

    public int malformedEvents() {
        return malformed.get();
    }

    private void readUntilClosed() {
        HttpClient http = api.http();
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve("/api/orders/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", shopper.basicAuthorization()).GET().build();
        boolean first = true;
        while (!closed) {
            if (!first) {
                reconnects.incrementAndGet();
                pause();
            }
            first = false;
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    body.close();
                    continue;
                }
                read(body);
            } catch (IOException e) {
                // Reopened by the loop unless closed.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(InputStream stream) throws IOException {
        SseParser parser = new SseParser();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                var event = parser.line(line);
                if (parser.lastComment() != null) {
                    connected.countDown();
                }
                event.filter(e -> e.name().equals("order")).ifPresent(e -> dispatch(e.data(), System.nanoTime()));
            }
        }
    }

    private void dispatch(String data, long nanos) {
        try {
            JsonNode update = json.readTree(data);
            String orderId = update.path("orderId").asString(null);
            String status = update.path("status").asString(null);
            if (orderId == null || status == null) {
                malformed.incrementAndGet();
            } else if (TERMINAL.contains(status)) {
                registry.terminal(orderId, status, nanos);
            }
        } catch (RuntimeException e) {
            malformed.incrementAndGet();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // Closing is all we wanted.
            }
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
