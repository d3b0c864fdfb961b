package io.stockroom.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings every service shares, under {@code stockroom.*}. Defaults live in {@code stockroom-defaults.properties}
 * so they are read in one place; each has a unit in its name or type (TIGER_STYLE: limits on everything).
 */
@ConfigurationProperties("stockroom")
public record StockroomProperties(Messaging messaging, Signing signing) {

    /**
     * @param broker             {@code rabbitmq}, or {@code qpid} for the embedded broker (classic queues, no
     *                           broker-side delivery limit: see ADR 0003)
     * @param prefetchCountMax   unacknowledged deliveries per consumer
     * @param consumersPerQueue  concurrent consumers per listener container in this instance
     * @param batchSizeMax       messages handed to a batch handler at once (at most the prefetch)
     * @param retriesMax         in-process retries of a failing handler before giving up on the delivery
     * @param retryDelayInitial  first backoff; doubles per retry up to {@code retryDelayMax}
     * @param confirmTimeout     how long a publish waits for the broker's confirm before it counts as failed
     * @param deliveryLimit      broker-side redeliveries (quorum queues) before the broker dead-letters a message
     * @param messageAgeMax      older commands are dead-lettered as expired (replay protection window)
     * @param payloadBytesMax    larger bodies are dead-lettered without being parsed
     */
    public record Messaging(@DefaultValue("rabbitmq") String broker,
                            @DefaultValue("50") int prefetchCountMax,
                            @DefaultValue("2") int consumersPerQueue,
                            @DefaultValue("25") int batchSizeMax,
                            @DefaultValue("3") int retriesMax,
                            @DefaultValue("200ms") Duration retryDelayInitial,
                            @DefaultValue("5s") Duration retryDelayMax,
                            @DefaultValue("10s") Duration confirmTimeout,
                            @DefaultValue("20") int deliveryLimit,
                            @DefaultValue("7d") Duration messageAgeMax,
                            @DefaultValue("262144") int payloadBytesMax) {

        public Messaging {
            if (prefetchCountMax < 1 || prefetchCountMax > 1_000) {
                throw new IllegalArgumentException("stockroom.messaging.prefetch-count-max must be 1..1000");
            }
            if (batchSizeMax < 1 || batchSizeMax > prefetchCountMax) {
                throw new IllegalArgumentException("stockroom.messaging.batch-size-max must be 1..prefetch-count-max");
            }
            if (consumersPerQueue < 1 || consumersPerQueue > 64) {
                throw new IllegalArgumentException("stockroom.messaging.consumers-per-queue must be 1..64");
            }
            if (retriesMax < 0 || retriesMax > 10) {
                throw new IllegalArgumentException("stockroom.messaging.retries-max must be 0..10");
            }
        }

        public boolean isQpid() {
            return "qpid".equalsIgnoreCase(broker);
        }
    }

    /**
     * @param keys        comma-separated {@code keyId:base64Secret} pairs; every listed key verifies
     * @param activeKeyId the key that signs new messages
     */
    public record Signing(String keys, String activeKeyId) {
    }
}
