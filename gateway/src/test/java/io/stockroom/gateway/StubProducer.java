package io.stockroom.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in producer instance for the gateway's own tests (the real producers are behind the gateway in the
 * end-to-end scale-out test): it names itself in every answer, echoes the headers the gateway sent, streams
 * server-sent events, and can be made unready or stopped.
 */
final class StubProducer implements AutoCloseable {

    static final int STREAM_EVENTS = 6;
    static final long STREAM_EVENT_INTERVAL_MILLIS = 400;

    private final String name;
    private HttpServer server;
    private int port;
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicBoolean dieAfterReadingBody = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();

    StubProducer(String name) {
        this.name = name;
        start(0);
    }

    private void start(int wantedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", wantedPort), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/actuator/health/readiness", this::readiness);
        server.createContext("/api/orders/stream", this::stream);
        server.createContext("/", this::echo);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Stops listening at once, as a killed process would: connections are refused from now on. */
    void kill() {
        server.stop(0);
    }

    /** Listens again on the same port, as a restarted instance would. */
    void restart() {
        start(port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int requests() {
        return requests.get();
    }

    void ready(boolean value) {
        ready.set(value);
    }

    /** From now on, reads each request's body and then drops the connection unanswered, as a process dying would. */
    void dieAfterReadingBody(boolean value) {
        dieAfterReadingBody.set(value);
    }

    private void readiness(HttpExchange exchange) throws IOException {
        respond(exchange, ready.get() ? 200 : 503, "application/json",
                ready.get() ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
    }

    /** Answers with who it is and what it was sent: instance, method, path, body length and chosen headers. */
    private void echo(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (dieAfterReadingBody.get()) {
            exchange.close();
            return;
        }
        var headers = exchange.getRequestHeaders();
        String json = "{\"instance\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                + "\",\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"bodyBytes\":" + body.length
                + ",\"correlationId\":\"" + headers.getFirst("X-Correlation-Id")
                + "\",\"forwardedFor\":\"" + headers.getFirst("X-Forwarded-For")
                + "\",\"host\":\"" + headers.getFirst("Host") + "\"}";
        respond(exchange, 200, "application/json", json);
    }

    /** Six events, 400 ms apart: a client that sees the first long before the last proves nothing is buffered. */
    private void stream(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 1; i <= STREAM_EVENTS; i++) {
                out.write(("event: order\ndata: {\"instance\":\"" + name + "\",\"n\":" + i + "}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(STREAM_EVENT_INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
