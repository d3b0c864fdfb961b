package io.stockroom.item;

import io.stockroom.support.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (service-support's test-jar), applied to this module's main classes. */
class ItemArchitectureTest {

    @Test
    void follows_the_shared_architecture_rules() {
        ArchitectureRules.of("add-item-consumer").check();
    }
}
