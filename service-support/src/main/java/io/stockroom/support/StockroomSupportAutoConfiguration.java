package io.stockroom.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.support.actuator.ActuatorAccount;
import io.stockroom.support.config.StockroomProperties;
import io.stockroom.support.idempotency.ProcessedMessages;
import io.stockroom.support.messaging.ConfirmingPublisher;
import io.stockroom.support.messaging.DeadLetterer;
import io.stockroom.support.messaging.InboundDecoder;
import io.stockroom.support.messaging.MessageJson;
import io.stockroom.support.messaging.MessagePublisher;
import io.stockroom.support.messaging.ReliableMessaging;
import io.stockroom.support.messaging.TopologyDeclarations;
import io.stockroom.support.mongo.MongoReliabilitySettings;
import io.stockroom.support.signing.MessageSigner;
import io.stockroom.support.signing.SigningKeys;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** Wires the shared messaging, signing and storage pieces into every service that has this module. */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableConfigurationProperties({StockroomProperties.class, ActuatorAccount.class})
public class StockroomSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoReliabilitySettings mongoReliabilitySettings() {
        return new MongoReliabilitySettings();
    }

    @Bean
    MessageJson messageJson() {
        return new MessageJson();
    }

    /**
     * Signing, publishing and consuming. Services that send or receive commands and events get them; a service that
     * only watches (the health service) sets {@code stockroom.messaging.enabled=false} and holds no signing key.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "stockroom.messaging.enabled", havingValue = "true", matchIfMissing = true)
    static class Messaging {

        @Bean
        MessageSigner messageSigner(StockroomProperties properties) {
            StockroomProperties.Signing signing = properties.signing();
            return new MessageSigner(SigningKeys.parse(signing == null ? null : signing.keys(),
                    signing == null ? null : signing.activeKeyId()));
        }

        @Bean
        MessagePublisher messagePublisher(RabbitTemplate rabbit, MessageJson json, MessageSigner signer,
                                          StockroomProperties properties, Clock clock, MeterRegistry meters) {
            return new ConfirmingPublisher(rabbit, json, signer, properties.messaging().confirmTimeout(), clock, meters);
        }

        @Bean
        TopologyDeclarations topologyDeclarations(StockroomProperties properties) {
            return new TopologyDeclarations(properties.messaging().isQpid(), properties.messaging().deliveryLimit());
        }

        @Bean
        ProcessedMessages processedMessages(MongoTemplate mongo, StockroomProperties properties) {
            return new ProcessedMessages(mongo, properties.messaging().messageAgeMax());
        }

        @Bean
        ReliableMessaging reliableMessaging(ConnectionFactory connectionFactory, MessageJson json, MessageSigner signer,
                                            RabbitTemplate rabbit, ProcessedMessages processed,
                                            StockroomProperties properties, Clock clock, MeterRegistry meters,
                                            @Value("${spring.application.name}") String serviceName) {
            StockroomProperties.Messaging settings = properties.messaging();
            InboundDecoder decoder = new InboundDecoder(json, signer, clock, settings.messageAgeMax(),
                    settings.payloadBytesMax());
            DeadLetterer deadLetterer = new DeadLetterer(rabbit, serviceName, settings.confirmTimeout(), clock, meters);
            return new ReliableMessaging(connectionFactory, decoder, deadLetterer, processed, settings, meters);
        }
    }
}
