package io.stockroom.producer.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The producer's own settings, under {@code stockroom.producer.*}; every limit is named with its unit.
 *
 * @param admin         the first admin, from the environment ({@code STOCKROOM_ADMIN_USERNAME/PASSWORD})
 * @param login         failed-login throttling per account and per client address
 * @param orders        order placements per user
 * @param registrations registrations per client address
 * @param bodies        request body ceilings
 */
@ConfigurationProperties("stockroom.producer")
public record ProducerProperties(@DefaultValue Admin admin, @DefaultValue Login login, @DefaultValue Orders orders,
                                 @DefaultValue Registrations registrations, @DefaultValue Bodies bodies) {

    public record Admin(String username, String password) {
    }

    /**
     * @param accountFailuresMax failed logins an account may have in {@code window} before it is locked for a while
     * @param addressFailuresMax failed logins one client address may have in {@code window}
     */
    public record Login(@DefaultValue("5") int accountFailuresMax, @DefaultValue("50") int addressFailuresMax,
                        @DefaultValue("15m") Duration window, @DefaultValue("100000") int keysMax) {
    }

    public record Orders(@DefaultValue("30") int perUserMax, @DefaultValue("1m") Duration window) {
    }

    public record Registrations(@DefaultValue("20") int perAddressMax, @DefaultValue("1h") Duration window) {
    }

    /** @param jsonBytesMax ceiling of an API JSON body; {@code csvBytesMax} of a CSV import */
    public record Bodies(@DefaultValue("65536") long jsonBytesMax, @DefaultValue("4194304") long csvBytesMax) {
    }
}
