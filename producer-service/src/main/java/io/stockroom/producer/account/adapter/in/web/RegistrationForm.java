package io.stockroom.producer.account.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration form. The same rules as the account service (which checks them again): a lower-case username of
 * 3..40 characters and a password of 12..128 characters.
 */
public record RegistrationForm(
        @NotBlank(message = "Choose a username.")
        @Size(min = 3, max = 40, message = "A username has 3 to 40 characters.")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "Use only letters, digits, dot, dash or underscore.")
        String username,
        @NotBlank(message = "Choose a password.")
        @Size(min = 12, max = 128, message = "A password has 12 to 128 characters.")
        String password,
        String confirmPassword) {

    public static RegistrationForm empty() {
        return new RegistrationForm("", "", "");
    }

    public boolean passwordsMatch() {
        return password != null && password.equals(confirmPassword);
    }
}
