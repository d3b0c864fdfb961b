package io.stockroom.deploy;

import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator gives every secret a fresh, long random value on each run, and nothing else. */
class SecretGeneratorTest {

    @Test
    void everyRunGivesEveryPasswordAFreshValue() {
        Map<String, Secret> first = GeneratedSecrets.generate();
        Map<String, Secret> second = GeneratedSecrets.generate();
        assertThat(first.keySet()).isEqualTo(second.keySet());
        first.forEach((name, secret) -> {
            assertThat(secret.getMetadata().getNamespace()).isEqualTo("stockroom");
            secret.getStringData().forEach((key, value) -> {
                if (!key.equals("username")) {
                    assertThat(value).as(name + "." + key).hasSizeGreaterThanOrEqualTo(24)
                            .isNotEqualTo(second.get(name).getStringData().get(key));
                }
            });
        });
        assertThat(first.get("keda-rabbitmq").getStringData().get("host"))
                .contains(first.get("rabbitmq-health-check-service").getStringData().get("password"));
    }
}
