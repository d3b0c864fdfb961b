package io.stockroom.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.ha.yml} describes the clustered stack the issue asks for: three broker nodes that form one
 * cluster, a three-member replica set, two instances of every application service, host lists in every connection,
 * and a published port only on the gateway. With Debian's docker-compose (and promtool) installed, the real tools
 * validate the files too; without them those checks are skipped, the structural ones still run.
 */
class HaComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path HA = ROOT.resolve("docker-compose.ha.yml");
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(HA));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheGatewayPublishesAPort() {
        services.forEach((name, service) -> {
            if (name.equals("gateway")) {
                assertThat((List<Object>) service.get("ports")).containsExactly("127.0.0.1:8080:8080");
            } else {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
    }

    @Test
    void everyApplicationServiceRunsTwiceAndTheGatewayKnowsBothProducers() {
        for (String service : List.of("producer", "add-item-consumer", "stock-management-consumer",
                "order-processing-consumer")) {
            assertThat(services).containsKeys(service + "-1", service + "-2");
            assertThat(services).doesNotContainKey(service + "-3");
        }
        assertThat(environment("gateway").get("PRODUCER_URLS"))
                .isEqualTo("http://producer-1:8080,http://producer-2:8080");
        assertThat(environment("producer-1").get("SERVER_FORWARD_HEADERS_STRATEGY")).isEqualTo("native");
    }

    @Test
    void everyServiceConnectsThroughHostListsToThreeBrokerNodesAndThreeDatabaseMembers() throws IOException {
        String conf = Files.readString(ROOT.resolve("deploy/rabbitmq/rabbitmq-cluster.conf"));
        for (int node = 1; node <= 3; node++) {
            assertThat(services).containsKeys("rabbitmq-" + node, "mongo-" + node);
            assertThat(conf).contains("cluster_formation.classic_config.nodes." + node + " = rabbit@rabbitmq-" + node);
            assertThat(services.get("rabbitmq-" + node).get("hostname")).isEqualTo("rabbitmq-" + node);
        }
        assertThat(conf).contains("quorum_queue.continuous_membership_reconciliation.target_group_size = 3");
        for (String name : services.keySet()) {
            Map<String, Object> env = environment(name);
            if (env.containsKey("STOCKROOM_BROKER")) {
                assertThat(env.get("SPRING_RABBITMQ_ADDRESSES")).as(name)
                        .isEqualTo("rabbitmq-1:5672,rabbitmq-2:5672,rabbitmq-3:5672");
                assertThat((String) env.get("MONGODB_URI")).as(name)
                        .startsWith("mongodb://mongo-1:27017,mongo-2:27017,mongo-3:27017/stockroom?replicaSet=rs0")
                        .contains("retryWrites=true", "w=majority");
            }
        }
    }

    @Test
    void theSecretGeneratorWritesEveryVariableTheFileRequires() throws Exception {
        Set<String> required = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Files.readString(HA));
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        assertThat(required).contains("RABBITMQ_ERLANG_COOKIE", "STOCKROOM_SIGNING_KEYS");
        assertThat(envFile().keySet()).containsAll(required);
    }

    @Test
    void dockerComposeAcceptsTheFileAndItsOpsOverride() throws Exception {
        Optional<Path> dockerCompose = onPath("docker-compose");
        Assumptions.assumeTrue(dockerCompose.isPresent(), "docker-compose is not installed (apt-get install "
                + "docker-compose): structure checked above, syntax not");
        Path env = Files.createTempFile("ha", ".env");
        try {
            Files.writeString(env, String.join("\n", envFile().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()) + "\n");
            run(dockerCompose.get().toString(), "--env-file", env.toString(), "-f", HA.toString(), "config", "-q");
            run(dockerCompose.get().toString(), "--env-file", env.toString(), "-f", HA.toString(), "-f",
                    ROOT.resolve("docker-compose.ha-ops.yml").toString(), "config", "-q");
        } finally {
            Files.delete(env);
        }
    }

    @Test
    void promtoolAcceptsThePrometheusConfigurationOfTheHaStack() throws Exception {
        Optional<Path> promtool = onPath("promtool");
        Assumptions.assumeTrue(promtool.isPresent(), "promtool is not installed (Debian package prometheus)");
        run(promtool.get().toString(), "check", "config", ROOT.resolve("deploy/prometheus/prometheus-ha.yml")
                .toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        Object env = services.get(service).get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
    }

    private static Map<String, String> envFile() throws Exception {
        String output = run("sh", ROOT.resolve("deploy/make-env.sh").toString());
        Map<String, String> values = new java.util.LinkedHashMap<>();
        output.lines().filter(line -> line.contains("=")).forEach(line -> values.put(
                line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return values;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
