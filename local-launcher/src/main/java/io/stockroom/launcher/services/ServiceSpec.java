package io.stockroom.launcher.services;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the platform as the launcher knows it: its module, its HTTP port (actuator included).
 *
 * @param module the Maven module, also the service's name
 * @param port   HTTP port; the service reads it from {@code PORT}
 * @param role   one line for the console
 */
public record ServiceSpec(String module, int port, String role) {

    /** Every service, in start order (docs/DEVELOPMENT.md). */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("add-item-consumer", 8081, "items"),
            new ServiceSpec("stock-management-consumer", 8082, "locations, stock, ledger"),
            new ServiceSpec("order-processing-consumer", 8083, "orders"),
            new ServiceSpec("producer-service", 8080, "web UI and API"),
            new ServiceSpec("health-check-service", 8085, "health page"));

    public ServiceSpec {
        if (module == null || !module.matches("[a-z][a-z-]{1,60}")) {
            throw new IllegalArgumentException("bad module name: " + module);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    /**
     * The same service on {@code port + offset}, so a second stack (the benchmark's) can run beside a developer's.
     *
     * @throws IllegalArgumentException if the shifted port is outside 1..65535
     */
    public ServiceSpec shifted(int offset) {
        return new ServiceSpec(module, port + offset, role);
    }

    /** The environment variable the health service reads this service's actuator URL from, if it watches it. */
    public String urlVariable() {
        return module.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** The runnable jar the build makes: {@code <module>/target/<module>-exec.jar}. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }
}
