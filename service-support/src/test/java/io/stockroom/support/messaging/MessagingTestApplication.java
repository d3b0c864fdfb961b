package io.stockroom.support.messaging;

import io.stockroom.contracts.MessageType;
import io.stockroom.contracts.Topology;
import io.stockroom.contracts.item.CreateItem;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal service for the messaging integration tests: one command queue, one recording handler. */
@SpringBootApplication
class MessagingTestApplication {

    static final String QUEUE = "support-test.commands";

    @Bean
    Declarables topology(TopologyDeclarations declarations) {
        return new Declarables(declarations.workQueue(QUEUE, Topology.COMMANDS_EXCHANGE,
                List.of(Topology.ITEM_COMMANDS_PATTERN)));
    }

    @Bean
    RecordingHandler recordingHandler() {
        return new RecordingHandler();
    }

    @Bean
    SimpleMessageListenerContainer testContainer(ReliableMessaging messaging, RecordingHandler handler) {
        return messaging.commandContainer(QUEUE, handler);
    }

    /**
     * Counts calls per command id. An item named {@code fail-always} throws every time; {@code fail-transient-N}
     * throws a "store unavailable" failure the first N times.
     */
    static final class RecordingHandler implements MessageHandler {

        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public Set<MessageType> handledTypes() {
            return Set.of(MessageType.CREATE_ITEM);
        }

        @Override
        public void handle(Envelope<?> envelope) {
            CreateItem command = envelope.as(CreateItem.class).payload();
            int call = calls.computeIfAbsent(command.commandId(), id -> new AtomicInteger()).incrementAndGet();
            String name = command.details().name();
            if (name.equals("fail-always")) {
                throw new IllegalStateException("handler bug for " + command.commandId());
            }
            if (name.startsWith("fail-transient-") && call <= Integer.parseInt(name.substring(15))) {
                throw new DataAccessResourceFailureException("store unavailable (call " + call + ")");
            }
        }

        int calls(String commandId) {
            AtomicInteger count = calls.get(commandId);
            return count == null ? 0 : count.get();
        }
    }
}
