package io.stockroom.producer.account.adapter.in.web;

import io.stockroom.producer.account.AccountConfiguration.RegistrationLimit;
import io.stockroom.producer.account.application.Accounts;
import io.stockroom.producer.account.domain.Credentials;
import io.stockroom.producer.common.KeyedRateLimiter;
import io.stockroom.producer.config.ProducerProperties;
import io.stockroom.producer.security.WebSlice;
import io.stockroom.producer.shared.MongoBuckets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registration page in a slice with no test doubles at all: the real controller, form validation, template,
 * UI security chain (CSRF) and {@link Accounts}, with users and the per-address limit stored by their real adapters in
 * the in-process MongoDB-wire store (see {@link WebSlice}).
 */
@WebMvcTest(controllers = RegistrationController.class)
@Import({WebSlice.class, RegistrationPageWebTest.Limit.class})
class RegistrationPageWebTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Test
    void the_form_bounds_its_inputs_by_the_account_rules() throws Exception {
        mvc.perform(get("/register"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "maxlength=\"" + Credentials.PASSWORD_LENGTH_MAX + "\"")))
                .andExpect(content().string(containsString(
                        "maxlength=\"" + Credentials.USERNAME_LENGTH_MAX + "\"")));
    }

    @Test
    void a_short_password_is_shown_again_with_its_rule_and_no_account_is_made() throws Exception {
        mvc.perform(post("/register").with(csrf()).param("username", "slice-short")
                        .param("password", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("registration", "password", "Size"))
                .andExpect(content().string(containsString(
                        "A password has " + Credentials.PASSWORD_LENGTH_MIN + " to " + Credentials.PASSWORD_LENGTH_MAX
                                + " characters.")));
        assertThat(accounts.find("slice-short")).isEmpty();
    }

    @Test
    void two_different_passwords_are_refused() throws Exception {
        mvc.perform(post("/register").with(csrf()).param("username", "slice-mismatch")
                        .param("password", PASSWORD).param("confirmPassword", PASSWORD + "!"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("registration", "confirmPassword", "mismatch"));
        assertThat(accounts.find("slice-mismatch")).isEmpty();
    }

    @Test
    void a_valid_registration_makes_the_account_and_sends_the_user_to_sign_in() throws Exception {
        mvc.perform(post("/register").with(csrf()).param("username", "slice-new")
                        .param("password", PASSWORD).param("confirmPassword", PASSWORD))
                .andExpect(redirectedUrl("/login?registered&username=slice-new"));
        assertThat(accounts.find("slice-new")).isPresent();
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/register").param("username", "slice-forged")
                        .param("password", PASSWORD).param("confirmPassword", PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("slice-forged")).isEmpty();
    }

    /** The registration limit as AccountConfiguration builds it (that class also needs the broker). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Limit {

        @Bean
        RegistrationLimit registrationLimit(ProducerProperties properties, MongoBuckets buckets) {
            ProducerProperties.Registrations limits = properties.registrations();
            return new RegistrationLimit(new KeyedRateLimiter("registrations", limits.perAddressMax(),
                    limits.window(), buckets));
        }
    }
}
