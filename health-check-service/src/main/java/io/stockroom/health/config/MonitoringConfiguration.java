package io.stockroom.health.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.support.actuator.ActuatorAccount;
import io.stockroom.health.monitoring.adapter.in.scheduling.MonitoringLoops;
import io.stockroom.health.monitoring.adapter.out.alerting.HealthMetrics;
import io.stockroom.health.monitoring.adapter.out.alerting.LoggingAlerts;
import io.stockroom.health.monitoring.adapter.out.alerting.WebhookAlerts;
import io.stockroom.health.monitoring.adapter.out.http.HttpActuatorProbe;
import io.stockroom.health.monitoring.adapter.out.persistence.MongoPingProbe;
import io.stockroom.health.monitoring.adapter.out.persistence.MongoStateStore;
import io.stockroom.health.monitoring.adapter.out.rabbit.AmqpQueueProbe;
import io.stockroom.health.monitoring.adapter.out.rabbit.BrokerQueueProbe;
import io.stockroom.health.monitoring.adapter.out.rabbit.ManagementApiQueueProbe;
import io.stockroom.health.monitoring.application.HealthMonitor;
import io.stockroom.health.monitoring.application.TransitionAlerts;
import io.stockroom.health.monitoring.domain.MonitoredService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Wires the monitor, its probes, its store and its alert channels from {@link HealthProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class MonitoringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonitoringConfiguration.class);

    @Bean(destroyMethod = "close")
    MongoStateStore stateStore(MongoTemplate mongo) {
        MongoStateStore store = new MongoStateStore(mongo);
        try {
            store.createIndexes();
        } catch (RuntimeException e) {
            log.warn("Could not create the transition indexes (history queries will scan): {}", e.toString());
        }
        return store;
    }

    @Bean
    HealthMetrics healthMetrics(MeterRegistry meters) {
        return new HealthMetrics(meters);
    }

    @Bean(destroyMethod = "close")
    WebhookAlerts webhookAlerts(HealthProperties properties, JsonMapper json, MeterRegistry meters) {
        String url = properties.webhookUrl();
        return new WebhookAlerts(url == null || url.isBlank() ? null : URI.create(url.strip()),
                properties.webhookTimeout(), json, meters);
    }

    @Bean
    HealthMonitor healthMonitor(HealthProperties properties, MongoStateStore store, HealthMetrics metrics,
                                WebhookAlerts webhook, Clock clock) {
        List<MonitoredService> services = properties.services().stream()
                .map(s -> new MonitoredService(s.name(), s.actuatorUrl(), s.queue(), s.alsoConsumes())).toList();
        List<TransitionAlerts> alerts = List.of(new LoggingAlerts(), metrics, webhook);
        // Queue figures older than three rounds mean thread one is stuck: they no longer count against anyone.
        Duration freshness = properties.queuePollInterval().multipliedBy(3).plus(properties.managementTimeout());
        HealthMonitor monitor = new HealthMonitor(services, new HealthMonitor.Settings(
                properties.recentTransitionsMax(), properties.dlqGrowthWindow(), freshness), store, alerts, clock);
        try {
            monitor.restore();
        } catch (RuntimeException e) {
            log.warn("Could not restore states from MongoDB; starting from UNKNOWN: {}", e.toString());
        }
        metrics.bind(monitor);
        return monitor;
    }

    @Bean
    BrokerQueueProbe queueProbe(HealthProperties properties, ConnectionFactory connectionFactory, JsonMapper json,
                                Clock clock) {
        HealthProperties.Rabbit rabbit = properties.rabbit();
        ManagementApiQueueProbe management = new ManagementApiQueueProbe(rabbit.managementUrl(), rabbit.username(),
                rabbit.password(), rabbit.vhost(), properties.managementTimeout(), json, clock);
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        admin.setAutoStartup(false);
        return new BrokerQueueProbe(management, new AmqpQueueProbe(admin, clock),
                BrokerQueueProbe.Mode.parse(properties.queueSource()), clock);
    }

    /** Polls with the shared actuator account (STOCKROOM_ACTUATOR_USERNAME/PASSWORD) when there is one. */
    @Bean
    HttpActuatorProbe actuatorProbe(HealthProperties properties, JsonMapper json, Clock clock,
                                    ActuatorAccount actuatorAccount) {
        if (!actuatorAccount.configured()) {
            log.warn("No actuator account: the actuator poller sees only each service's status, not which "
                    + "component is DOWN");
        }
        return new HttpActuatorProbe(properties.actuatorTimeout(), json, clock, actuatorAccount.basicAuthorization());
    }

    @Bean
    MonitoringLoops monitoringLoops(HealthMonitor monitor, BrokerQueueProbe queues, HttpActuatorProbe actuators,
                                    MongoTemplate mongo, HealthProperties properties, Clock clock) {
        return new MonitoringLoops(monitor, queues, actuators, new MongoPingProbe(mongo, clock),
                properties.queuePollInterval(),
                properties.actuatorPollInterval(), properties.actuatorTimeout(), clock);
    }
}
