package io.stockroom.producer.live;

import io.stockroom.producer.live.adapter.in.web.LiveStreams;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the server-sent event streams first on shutdown (highest phase stops first), before the web server's
 * graceful shutdown would otherwise wait for those never-ending requests.
 */
final class LiveStreamsLifecycle implements SmartLifecycle {

    private final LiveStreams streams;
    private volatile boolean running;

    LiveStreamsLifecycle(LiveStreams streams) {
        this.streams = streams;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        streams.closeAll();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
