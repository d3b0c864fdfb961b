package io.stockroom.producer.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.stockroom.producer.command.adapter.out.persistence.MongoAdminActions;
import io.stockroom.producer.command.application.AdminActionStore;
import io.stockroom.producer.command.application.AdminCommands;
import io.stockroom.producer.command.application.CommandOutcomes;
import io.stockroom.support.messaging.MessagePublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** Wires the admin command feature: the audit log in MongoDB, sending commands, recording their outcomes. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    @Bean
    AdminActionStore adminActionStore(MongoTemplate mongo) {
        return new MongoAdminActions(mongo);
    }

    @Bean
    AdminCommands adminCommands(AdminActionStore actions, MessagePublisher publisher, Clock clock,
                                MeterRegistry meters) {
        return new AdminCommands(actions, publisher, clock, meters);
    }

    @Bean
    CommandOutcomes commandOutcomes(AdminActionStore actions) {
        return new CommandOutcomes(actions);
    }
}
