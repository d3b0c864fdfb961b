package io.stockroom.launcher;

import io.stockroom.support.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (service-support's test-jar), applied to this module's main classes. */
class LauncherArchitectureTest {

    @Test
    void follows_the_shared_architecture_rules() {
        ArchitectureRules.of("local-launcher").check();
    }
}
