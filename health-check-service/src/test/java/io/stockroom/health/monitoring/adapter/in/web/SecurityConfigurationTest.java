package io.stockroom.health.monitoring.adapter.in.web;

import io.stockroom.health.config.HealthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecurityConfigurationTest {

    private final SecurityConfiguration security = new SecurityConfiguration();

    @Test
    void without_a_viewer_account_it_refuses_to_start_outside_the_dev_profile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatIllegalStateException()
                .isThrownBy(() -> security.healthSecurity(null, properties(null, null), production))
                .withMessageContaining("STOCKROOM_HEALTH_USERNAME");
    }

    @Test
    void the_viewer_password_is_kept_only_as_a_hash() {
        InMemoryUserDetailsManager viewers = (InMemoryUserDetailsManager) security.viewers(
                properties("viewer", "correct horse battery staple"));

        UserDetails viewer = viewers.loadUserByUsername("viewer");
        assertThat(viewer.getPassword()).startsWith("{bcrypt}").doesNotContain("correct horse");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("correct horse battery staple", viewer.getPassword())).isTrue();
        assertThat(viewer.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_HEALTH_VIEWER");
    }

    @Test
    void without_a_viewer_account_nobody_can_sign_in_and_no_password_is_generated() {
        InMemoryUserDetailsManager viewers = (InMemoryUserDetailsManager) security.viewers(properties(null, null));

        assertThat(viewers.userExists("user")).isFalse();
        assertThat(viewers.userExists("viewer")).isFalse();
    }

    private static HealthProperties properties(String username, String password) {
        return new HealthProperties(List.of(new HealthProperties.Service("svc", "http://127.0.0.1:1", null, null)),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(2), "auto",
                Duration.ofSeconds(60), 50, null, Duration.ofSeconds(2), 50,
                new HealthProperties.Rabbit("http://127.0.0.1:15672", "guest", "guest", "/"),
                new HealthProperties.Viewer(username, password));
    }
}
