package io.stockroom.health.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Validates {@code deploy/prometheus} and {@code deploy/grafana} with the real {@code promtool} (Debian package
 * {@code prometheus}); skipped, not failed, on a machine without it.
 */
class MonitoringDeployFilesTest {

    private static final long PROMTOOL_TIMEOUT_SECONDS = 60;
    private static Path deploy;
    private static Optional<Path> promtool;

    @BeforeAll
    static void locate() {
        deploy = Path.of(System.getProperty("stockroom.deploy.dir", "../deploy")).toAbsolutePath().normalize();
        promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
    }

    @Test
    void the_prometheus_configuration_and_its_rule_files_are_valid() throws Exception {
        assertThat(promtool("check", "config", deploy.resolve("prometheus/prometheus.yml").toString()))
                .contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void the_alert_rules_are_valid() throws Exception {
        assertThat(promtool("check", "rules", deploy.resolve("prometheus/alerts.yml").toString()))
                .contains("SUCCESS");
    }

    @Test
    void every_alert_fires_on_its_situation_in_the_rule_tests() throws Exception {
        assertThat(promtool("test", "rules", deploy.resolve("prometheus/rules-test.yml").toString()))
                .contains("SUCCESS");
    }

    @Test
    void every_query_of_the_grafana_dashboard_is_valid_promql_on_the_provisioned_datasource(@TempDir Path temp)
            throws Exception {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(deploy.resolve("grafana/dashboards/stockroom-overview.json").toFile());
        String datasource = Files.readString(deploy.resolve("grafana/provisioning/datasources/prometheus.yml"));
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asString())) {
                assertThat(datasource).contains("uid: " + panel.path("datasource").path("uid").asString());
            }
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
        }
        assertThat(expressions).hasSizeGreaterThan(10).doesNotContain("");
        // promtool validates PromQL in rule files: each dashboard query becomes a recording rule.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard:query_").append(i).append("\n        expr: '")
                    .append(expressions.get(i).replace("'", "''")).append("'\n");
        }
        Path file = temp.resolve("dashboard-queries.yml");
        Files.writeString(file, rules, StandardCharsets.UTF_8);

        assertThat(promtool("check", "rules", file.toString())).contains(expressions.size() + " rules found");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assumeTrue(promtool.isPresent(), "promtool is not installed (apt-get install prometheus)");
        List<String> command = new ArrayList<>(List.of(promtool.get().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(deploy.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(PROMTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within " + PROMTOOL_TIMEOUT_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("promtool %s exit code; output:%n%s", command, output).isZero();
        return output;
    }
}
