package io.stockroom.support.architecture;

import org.junit.jupiter.api.Test;

/** The shared architecture rules (service-support's test-jar), applied to this module's main classes. */
class ServiceSupportArchitectureTest {

    @Test
    void follows_the_shared_architecture_rules() {
        ArchitectureRules.of("service-support").check();
    }
}
