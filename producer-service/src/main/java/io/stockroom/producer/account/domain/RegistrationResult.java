package io.stockroom.producer.account.domain;

/** What became of a registration: a value, since a taken name or a weak password is not an error of the system. */
public sealed interface RegistrationResult {

    record Registered(String username) implements RegistrationResult {
    }

    record UsernameTaken(String username) implements RegistrationResult {
    }

    record InvalidUsername(String reason) implements RegistrationResult {
    }

    record InvalidPassword(String reason) implements RegistrationResult {
    }
}
