package io.stockroom.support.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MessageSignerTest {

    private static final String SECRET_1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String SECRET_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    private final MessageSigner signer = new MessageSigner(SigningKeys.parse("k1:" + SECRET_1, "k1"));

    private static MessageSigner.SignedFields fields(String body, String roles) {
        return new MessageSigner.SignedFields("msg-1", "stock.receive", 1_700_000_000L, "admin", roles, "corr-1", 1,
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_signature_verifies_against_the_same_fields() {
        MessageSigner.Signature signature = signer.sign(fields("{\"quantity\":5}", "ADMIN"));

        assertThat(signature.keyId()).isEqualTo("k1");
        assertThat(signer.verify(fields("{\"quantity\":5}", "ADMIN"), "k1", signature.value()))
                .isEqualTo(MessageSigner.Verification.VALID);
    }

    @Test
    void changing_the_body_or_the_roles_invalidates_the_signature() {
        MessageSigner.Signature signature = signer.sign(fields("{\"quantity\":5}", "USER"));

        assertThat(signer.verify(fields("{\"quantity\":500}", "USER"), "k1", signature.value()))
                .isEqualTo(MessageSigner.Verification.INVALID);
        assertThat(signer.verify(fields("{\"quantity\":5}", "ADMIN"), "k1", signature.value()))
                .isEqualTo(MessageSigner.Verification.INVALID);
    }

    @Test
    void a_missing_signature_or_an_unknown_key_is_reported_as_such() {
        assertThat(signer.verify(fields("{}", "ADMIN"), null, null)).isEqualTo(MessageSigner.Verification.UNSIGNED);
        assertThat(signer.verify(fields("{}", "ADMIN"), "k9", "abc")).isEqualTo(MessageSigner.Verification.UNKNOWN_KEY);
    }

    @Test
    void during_rotation_messages_signed_with_the_old_key_still_verify() {
        MessageSigner old = new MessageSigner(SigningKeys.parse("k1:" + SECRET_1, "k1"));
        MessageSigner rotated = new MessageSigner(SigningKeys.parse("k2:" + SECRET_2 + ",k1:" + SECRET_1, "k2"));
        MessageSigner.Signature byOld = old.sign(fields("{}", "ADMIN"));

        assertThat(rotated.verify(fields("{}", "ADMIN"), byOld.keyId(), byOld.value()))
                .isEqualTo(MessageSigner.Verification.VALID);
        assertThat(rotated.sign(fields("{}", "ADMIN")).keyId()).isEqualTo("k2");
    }

    @Test
    void missing_or_weak_keys_stop_the_service_with_a_clear_message() {
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.parse("", null))
                .withMessageContaining("STOCKROOM_SIGNING_KEYS");
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.parse("k1:" + Base64.getEncoder()
                .encodeToString("short".getBytes()), null)).withMessageContaining("shorter than");
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.parse("k1:" + SECRET_1, "k2"))
                .withMessageContaining("not in");
    }
}
