package io.stockroom.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.support.config.StockroomProperties;
import io.stockroom.support.idempotency.ProcessedMessages;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import java.util.concurrent.Executors;

/**
 * Makes listener containers that all consume the same reliable way: manual acknowledgement after the handler
 * returns, bounded prefetch, batches, bounded retries with exponential backoff, dead-lettering with reasons.
 */
public final class ReliableMessaging {

    private static final long RECEIVE_TIMEOUT_MILLIS = 100;
    private static final long BATCH_GATHER_MILLIS = 10;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 20_000;

    private final ConnectionFactory connectionFactory;
    private final InboundDecoder decoder;
    private final DeadLetterer deadLetterer;
    private final ProcessedMessages processed;
    private final StockroomProperties.Messaging settings;
    private final MeterRegistry meters;

    public ReliableMessaging(ConnectionFactory connectionFactory, InboundDecoder decoder, DeadLetterer deadLetterer,
                             ProcessedMessages processed, StockroomProperties.Messaging settings,
                             MeterRegistry meters) {
        this.connectionFactory = connectionFactory;
        this.decoder = decoder;
        this.deadLetterer = deadLetterer;
        this.processed = processed;
        this.settings = settings;
        this.meters = meters;
    }

    /** A container for a command queue: signatures, roles, message age and replays are checked. */
    public SimpleMessageListenerContainer commandContainer(String queue, MessageHandler handler) {
        return container(queue, handler, true);
    }

    /** A container for an event queue: events are trusted by broker permissions, and applied idempotently. */
    public SimpleMessageListenerContainer eventContainer(String queue, MessageHandler handler) {
        return container(queue, handler, false);
    }

    private SimpleMessageListenerContainer container(String queue, MessageHandler handler, boolean commands) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(settings.prefetchCountMax());
        container.setConcurrentConsumers(settings.consumersPerQueue());
        container.setConsumerBatchEnabled(true);
        container.setBatchSize(settings.batchSizeMax());
        container.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
        container.setBatchReceiveTimeout(BATCH_GATHER_MILLIS);
        container.setDefaultRequeueRejected(false);
        container.setMissingQueuesFatal(false);
        container.setShutdownTimeout(SHUTDOWN_TIMEOUT_MILLIS);
        container.setObservationEnabled(true);
        container.setTaskExecutor(Executors.newVirtualThreadPerTaskExecutor());
        container.setMessageListener(new ReliableListener(queue, handler, decoder, deadLetterer, processed,
                retryTemplate(), commands, meters));
        return container;
    }

    private RetryTemplate retryTemplate() {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.retriesMax())
                .delay(settings.retryDelayInitial())
                .multiplier(2.0)
                .maxDelay(settings.retryDelayMax())
                .predicate(failure -> !(failure instanceof MessageRejectedException))
                .build());
    }
}
