package io.stockroom.launcher;

import io.stockroom.launcher.secrets.DevSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class DevSecretsTest {

    @TempDir
    Path directory;

    @Test
    void secretsAreGeneratedOnceThenReadBackUnchanged() throws Exception {
        Path file = directory.resolve("dev-secrets.properties");

        DevSecrets first = DevSecrets.loadOrCreate(file);
        DevSecrets second = DevSecrets.loadOrCreate(file);

        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.adminUsername()).isEqualTo("admin");
        assertThat(first.adminPassword()).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(first.brokerPassword());
        assertThat(first.signingKeys()).startsWith("dev1:");
        assertThat(Base64.getDecoder().decode(first.signingKeys().substring("dev1:".length()))).hasSize(32);
        assertThat(first.toString()).doesNotContain(first.adminPassword());
    }

    @Test
    void anOlderFileKeepsItsSecretsAndGainsTheMissingOnes() throws Exception {
        Path file = directory.resolve("dev-secrets.properties");
        Files.writeString(file, "signing.keys=dev1:AAAA\nadmin.username=admin\nadmin.password=kept-password-1\n");

        DevSecrets secrets = DevSecrets.loadOrCreate(file);

        assertThat(secrets.signingKeys()).isEqualTo("dev1:AAAA");
        assertThat(secrets.adminPassword()).isEqualTo("kept-password-1");
        assertThat(secrets.healthPassword()).isNotBlank();
        assertThat(secrets.actuatorUsername()).isEqualTo("actuator");
        assertThat(secrets.actuatorPassword()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(DevSecrets.loadOrCreate(file)).isEqualTo(secrets);
    }
}
