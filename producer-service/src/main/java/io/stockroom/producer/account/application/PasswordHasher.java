package io.stockroom.producer.account.application;

/** Hashes passwords with the adaptive hash the login checks against (Spring's delegating encoder, Argon2id). */
@FunctionalInterface
public interface PasswordHasher {

    String hash(String rawPassword);
}
