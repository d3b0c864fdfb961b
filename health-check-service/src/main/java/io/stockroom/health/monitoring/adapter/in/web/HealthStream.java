package io.stockroom.health.monitoring.adapter.in.web;

import io.stockroom.health.monitoring.application.HealthMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the overview to every open page as server-sent events ({@code event: health}) whenever the monitor has new
 * observations, checked every second. Each client is written on its own virtual thread, so a slow browser delays
 * only itself; the number of clients and each connection's lifetime are bounded (the browser's EventSource
 * reconnects by itself).
 */
@Component
class HealthStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HealthStream.class);
    private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(10);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final int HEARTBEAT_TICKS = 15;

    private final HealthMonitor monitor;
    private final JsonMapper json;
    private final int clientsMax;
    private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService ticker;
    private ExecutorService writers;
    private long sentVersion = -1;
    private int quietTicks;
    private volatile boolean running;

    HealthStream(HealthMonitor monitor, JsonMapper json,
                 io.stockroom.health.config.HealthProperties properties) {
        this.monitor = monitor;
        this.json = json;
        this.clientsMax = properties.streamClientsMax();
    }

    Optional<SseEmitter> subscribe() {
        if (clients.size() >= clientsMax) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(error -> clients.remove(emitter));
        clients.add(emitter);
        String snapshot = json.writeValueAsString(monitor.overview());
        writers.execute(() -> send(emitter, SseEmitter.event().name("health").data(snapshot)));
        return Optional.of(emitter);
    }

    @Override
    public synchronized void start() {
        writers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("health-sse-", 0).factory());
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "health-sse-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        ticker.shutdownNow();
        clients.forEach(SseEmitter::complete);
        clients.clear();
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void tick() {
        try {
            long version = monitor.version();
            if (version != sentVersion && !clients.isEmpty()) {
                sentVersion = version;
                quietTicks = 0;
                String snapshot = json.writeValueAsString(monitor.overview());
                clients.forEach(client -> writers.execute(() ->
                        send(client, SseEmitter.event().name("health").data(snapshot))));
            } else if (++quietTicks >= HEARTBEAT_TICKS) {
                quietTicks = 0;
                clients.forEach(client -> writers.execute(() -> send(client, SseEmitter.event().comment("ping"))));
            }
        } catch (RuntimeException e) {
            log.warn("Live health update failed: {}", e.toString());
        }
    }

    private void send(SseEmitter client, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (client) {
                client.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            clients.remove(client);
            client.completeWithError(e);
        }
    }
}
