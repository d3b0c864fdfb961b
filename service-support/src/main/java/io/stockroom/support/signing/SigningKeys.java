package io.stockroom.support.signing;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HMAC keys a service knows: every listed key verifies, the active one signs. Keys come only from the
 * environment ({@code STOCKROOM_SIGNING_KEYS=k2:base64,k1:base64}, {@code STOCKROOM_SIGNING_ACTIVE_KEY=k2}); rotating
 * means adding the new key everywhere, switching the active id, then dropping the old key.
 */
public final class SigningKeys {

    /** HMAC-SHA256 keys shorter than the hash output weaken it; refuse them. */
    public static final int SECRET_BYTES_MIN = 32;

    private final Map<String, byte[]> secretsByKeyId;
    private final String activeKeyId;

    private SigningKeys(Map<String, byte[]> secretsByKeyId, String activeKeyId) {
        this.secretsByKeyId = secretsByKeyId;
        this.activeKeyId = activeKeyId;
    }

    /**
     * Parses {@code keyId:base64Secret} pairs separated by commas.
     *
     * @throws IllegalStateException with a message naming the environment variable to set
     */
    public static SigningKeys parse(String keys, String activeKeyId) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException("No message signing keys: set STOCKROOM_SIGNING_KEYS=keyId:base64Secret"
                    + " (32+ random bytes, e.g. `openssl rand -base64 32`) and STOCKROOM_SIGNING_ACTIVE_KEY=keyId");
        }
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (String pair : keys.split(",")) {
            String[] parts = pair.strip().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalStateException("STOCKROOM_SIGNING_KEYS entries must look like keyId:base64Secret");
            }
            byte[] secret = Base64.getDecoder().decode(parts[1].strip());
            if (secret.length < SECRET_BYTES_MIN) {
                throw new IllegalStateException("Signing key '" + parts[0] + "' is shorter than "
                        + SECRET_BYTES_MIN + " bytes");
            }
            secrets.put(parts[0].strip(), secret);
        }
        String active = activeKeyId == null || activeKeyId.isBlank() ? secrets.keySet().iterator().next()
                : activeKeyId.strip();
        if (!secrets.containsKey(active)) {
            throw new IllegalStateException("STOCKROOM_SIGNING_ACTIVE_KEY '" + active + "' is not in STOCKROOM_SIGNING_KEYS");
        }
        return new SigningKeys(Map.copyOf(secrets), active);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    byte[] activeSecret() {
        return secretsByKeyId.get(activeKeyId);
    }

    Optional<byte[]> secret(String keyId) {
        return Optional.ofNullable(secretsByKeyId.get(keyId));
    }
}
