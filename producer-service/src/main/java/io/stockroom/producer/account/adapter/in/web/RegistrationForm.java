package io.stockroom.producer.account.adapter.in.web;

import io.stockroom.producer.account.domain.Credentials;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration form. The same rules as the account service, which checks them again: {@link Credentials}' lengths
 * of a username and a password.
 */
public record RegistrationForm(
        @NotBlank(message = "Choose a username.")
        @Size(min = Credentials.USERNAME_LENGTH_MIN, max = Credentials.USERNAME_LENGTH_MAX,
                message = "A username has {min} to {max} characters.")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "Use only letters, digits, dot, dash or underscore.")
        String username,
        @NotBlank(message = "Choose a password.")
        @Size(min = Credentials.PASSWORD_LENGTH_MIN, max = Credentials.PASSWORD_LENGTH_MAX,
                message = "A password has {min} to {max} characters.")
        String password,
        String confirmPassword) {

    public static RegistrationForm empty() {
        return new RegistrationForm("", "", "");
    }

    public boolean passwordsMatch() {
        return password != null && password.equals(confirmPassword);
    }
}
