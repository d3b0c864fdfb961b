package io.stockroom.producer.live;

import io.stockroom.producer.live.adapter.in.web.LiveStreams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the live updates: the server-sent event streams of this instance, closed first on shutdown. */
@Configuration(proxyBeanMethods = false)
public class LiveConfiguration {

    @Bean
    LiveStreams liveStreams() {
        return new LiveStreams();
    }

    @Bean
    LiveStreamsLifecycle liveStreamsLifecycle(LiveStreams streams) {
        return new LiveStreamsLifecycle(streams);
    }
}
