package io.stockroom.support.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HMAC-SHA256 over the body and the headers that say who asked for what. A consumer that verifies the signature
 * knows the command came from a holder of the key (the producer) and that nobody changed its payload, type, actor,
 * roles or id on the way; the id then lets it refuse a replay.
 */
public final class MessageSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String CANONICAL_VERSION = "stockroom-v1";

    private final SigningKeys keys;

    public MessageSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** The fields covered by a signature; any change to one of them invalidates it. */
    public record SignedFields(String messageId, String type, long timestampEpochSeconds, String actor, String roles,
                               String correlationId, int schemaVersion, byte[] body) {
    }

    /** A signature and the id of the key that made it. */
    public record Signature(String keyId, String value) {
    }

    public Signature sign(SignedFields fields) {
        return new Signature(keys.activeKeyId(), mac(keys.activeSecret(), fields));
    }

    /** What a verification found. */
    public enum Verification {
        VALID,
        UNSIGNED,
        UNKNOWN_KEY,
        INVALID
    }

    public Verification verify(SignedFields fields, String keyId, String signature) {
        if (keyId == null || signature == null) {
            return Verification.UNSIGNED;
        }
        return keys.secret(keyId)
                .map(secret -> MessageDigest.isEqual(
                        mac(secret, fields).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII)) ? Verification.VALID : Verification.INVALID)
                .orElse(Verification.UNKNOWN_KEY);
    }

    private static String mac(byte[] secret, SignedFields fields) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(fields.body());
            String canonical = String.join("\n", CANONICAL_VERSION, fields.messageId(), fields.type(),
                    Long.toString(fields.timestampEpochSeconds()), fields.actor(), fields.roles(),
                    String.valueOf(fields.correlationId()), Integer.toString(fields.schemaVersion()),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bodyHash));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }
}
