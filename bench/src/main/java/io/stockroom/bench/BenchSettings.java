package io.stockroom.bench;

import io.stockroom.bench.api.Credentials;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every knob of the benchmark, read from the environment with defaults that finish in about five minutes on the
 * 2-core machine. {@code bench/run.sh --help} lists them (see {@link #HELP}).
 *
 * @param root               repository root (jars, results)
 * @param target             {@code STOCKROOM_URL}: a running stack to measure; empty = start one
 * @param admin              admin credentials for a running stack ({@code STOCKROOM_ADMIN_USERNAME/PASSWORD})
 * @param actuatorUrls       service name to base URL for the metrics scrapes of a running stack
 * @param actuatorCredentials sent with every scrape when set
 * @param shoppers           concurrent shoppers (accounts, live streams)
 * @param inflight           unsettled orders per shopper in the closed loop
 * @param skus               SKUs of the spread workload
 * @param spreadStock        units per spread SKU and location
 * @param hotStock           units of the hot SKU; empty = sized from the spread result to run out near the end
 * @param warmup             closed-loop warm-up (placed and checked, not in the rates)
 * @param spread             measured length of the spread workload (zero skips it)
 * @param hot                measured length of the hot workload (zero skips it)
 * @param rate               offered orders/s of the open loop
 * @param rateDuration       length of the open loop (zero skips it)
 * @param senders            open-loop connections
 * @param backlogMax         open loop gives up above this many unsettled orders (default: one second of the rate)
 * @param drain              how long to wait for the last orders of a workload to settle
 * @param perfTest           PerfTest duration (zero skips it)
 * @param perfTestClasspath  file holding PerfTest's class path
 * @param reads              wrk duration per endpoint (zero skips the read ceiling)
 * @param readWarmup         wrk warm-up per endpoint
 * @param readConnections    wrk connections
 * @param serviceJvmOptions  JVM options of the services the benchmark starts
 * @param portOffset         added to the services' ports of the started stack (default 1000: 9080-9085, store 28017)
 * @param rabbitHost         broker of the started stack and of PerfTest
 * @param rabbitPort         its AMQP port
 * @param rabbitManagement   its management API (vhosts)
 * @param rabbitCredentials  its user
 * @param results            where the table is written (Markdown and CSV)
 */
public record BenchSettings(Path root, Optional<URI> target, Optional<Credentials> admin,
                            Map<String, URI> actuatorUrls, Optional<Credentials> actuatorCredentials,
                            int shoppers, int inflight, int skus, int spreadStock, OptionalInt hotStock,
                            Duration warmup, Duration spread, Duration hot, double rate, Duration rateDuration,
                            int senders, long backlogMax, Duration drain, Duration perfTest, Path perfTestClasspath,
                            Duration reads, Duration readWarmup, int readConnections, String serviceJvmOptions,
                            int portOffset, String rabbitHost, int rabbitPort, URI rabbitManagement,
                            Credentials rabbitCredentials, Path results) {

    /** Full JIT and a parallel collector: throughput, not start-up time (the launcher's default is for start-up). */
    public static final String DEFAULT_JVM_OPTIONS = "-XX:+UseParallelGC -Xms256m -Xmx1g";
    static final List<String> SERVICES = List.of("producer-service", "add-item-consumer",
            "stock-management-consumer", "order-processing-consumer", "health-check-service");
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("producer-service", 8080, "add-item-consumer", 8081,
            "stock-management-consumer", 8082, "order-processing-consumer", 8083, "health-check-service", 8085);

    static final String HELP = """
            bench/run.sh: the Stockroom benchmark (docs/PERFORMANCE.md). Knobs (environment):
              STOCKROOM_URL                 measure a running stack (with STOCKROOM_ADMIN_USERNAME/PASSWORD) instead
                                            of starting one; BENCH_ACTUATOR_URLS=name=url,... for its services
              BENCH_ACTUATOR_USERNAME/PASSWORD  credentials for /actuator/prometheus, if the services ask for them
              BENCH_SHOPPERS (64)  BENCH_INFLIGHT (8)  BENCH_SKUS (60)  BENCH_SPREAD_STOCK (100000)
              BENCH_HOT_STOCK (auto: sized to run out near the end of the hot workload)
              BENCH_WARMUP_SECONDS (5)  BENCH_SPREAD_SECONDS (30)  BENCH_HOT_SECONDS (20)
              BENCH_RATE (1000)  BENCH_RATE_SECONDS (20)  BENCH_SENDERS (256)  BENCH_BACKLOG_MAX (= BENCH_RATE)
              BENCH_DRAIN_SECONDS (60)  BENCH_PERFTEST_SECONDS (15)  BENCH_READ_SECONDS (10)
              BENCH_READ_WARMUP_SECONDS (5)  BENCH_READ_CONNECTIONS (32)
              STOCKROOM_SERVICE_JVM_OPTS (-XX:+UseParallelGC -Xms256m -Xmx1g)  BENCH_PORT_OFFSET (1000)
              RABBITMQ_HOST/PORT/USERNAME/PASSWORD, RABBITMQ_MANAGEMENT_URL  BENCH_RESULTS_DIR (bench/target/results)
            A duration of 0 skips that part.""";

    public BenchSettings {
        requireRange("BENCH_SHOPPERS", shoppers, 1, 2_000);
        requireRange("BENCH_INFLIGHT", inflight, 1, 1_000);
        requireRange("BENCH_SKUS", skus, 1, 5_000);
        requireRange("BENCH_SPREAD_STOCK", spreadStock, 1, 1_000_000);
        hotStock.ifPresent(units -> requireRange("BENCH_HOT_STOCK", units, 1, 1_000_000));
        requireRange("BENCH_SENDERS", senders, 1, 4_096);
        requireRange("BENCH_READ_CONNECTIONS", readConnections, 1, 10_000);
        requireRange("BENCH_PORT_OFFSET", portOffset, 0, 50_000);
        if (!(rate > 0 && rate <= 100_000)) {
            throw new IllegalArgumentException("BENCH_RATE must be in (0, 100000], was " + rate);
        }
        if (backlogMax < 1) {
            throw new IllegalArgumentException("BENCH_BACKLOG_MAX must be positive");
        }
        if (target.isPresent() && admin.isEmpty()) {
            throw new IllegalArgumentException("with STOCKROOM_URL set, STOCKROOM_ADMIN_USERNAME and"
                    + " STOCKROOM_ADMIN_PASSWORD are needed (the benchmark creates its own locations and items)");
        }
        actuatorUrls = Map.copyOf(actuatorUrls);
    }

    public static BenchSettings from(Map<String, String> env, Path root) {
        Optional<URI> target = text(env, "STOCKROOM_URL").map(URI::create);
        Optional<Credentials> admin = credentials(env, "STOCKROOM_ADMIN_USERNAME", "STOCKROOM_ADMIN_PASSWORD");
        double rate = Double.parseDouble(env.getOrDefault("BENCH_RATE", "1000").trim());
        OptionalInt hotStock = text(env, "BENCH_HOT_STOCK").filter(v -> !v.equalsIgnoreCase("auto"))
                .map(v -> OptionalInt.of(parse("BENCH_HOT_STOCK", v))).orElse(OptionalInt.empty());
        return new BenchSettings(root, target, admin, actuatorUrls(env, target),
                credentials(env, "BENCH_ACTUATOR_USERNAME", "BENCH_ACTUATOR_PASSWORD"),
                integer(env, "BENCH_SHOPPERS", 64), integer(env, "BENCH_INFLIGHT", 8), integer(env, "BENCH_SKUS", 60),
                integer(env, "BENCH_SPREAD_STOCK", 100_000), hotStock,
                seconds(env, "BENCH_WARMUP_SECONDS", 5), seconds(env, "BENCH_SPREAD_SECONDS", 30),
                seconds(env, "BENCH_HOT_SECONDS", 20), rate, seconds(env, "BENCH_RATE_SECONDS", 20),
                integer(env, "BENCH_SENDERS", 256), integer(env, "BENCH_BACKLOG_MAX", (int) Math.ceil(rate)),
                seconds(env, "BENCH_DRAIN_SECONDS", 60), seconds(env, "BENCH_PERFTEST_SECONDS", 15),
                root.resolve(env.getOrDefault("BENCH_PERFTEST_CLASSPATH", "bench/target/perftest.classpath")),
                seconds(env, "BENCH_READ_SECONDS", 10), seconds(env, "BENCH_READ_WARMUP_SECONDS", 5),
                integer(env, "BENCH_READ_CONNECTIONS", 32),
                env.getOrDefault("STOCKROOM_SERVICE_JVM_OPTS", DEFAULT_JVM_OPTIONS),
                integer(env, "BENCH_PORT_OFFSET", 1000), env.getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
                integer(env, "RABBITMQ_PORT", 5672),
                URI.create(env.getOrDefault("RABBITMQ_MANAGEMENT_URL", "http://127.0.0.1:15672")),
                new Credentials(env.getOrDefault("RABBITMQ_USERNAME", "guest"),
                        env.getOrDefault("RABBITMQ_PASSWORD", "guest")),
                root.resolve(env.getOrDefault("BENCH_RESULTS_DIR", "bench/target/results")));
    }

    /** Default actuators of a running stack: the standard ports on the host of STOCKROOM_URL. */
    private static Map<String, URI> actuatorUrls(Map<String, String> env, Optional<URI> target) {
        Map<String, URI> urls = new LinkedHashMap<>();
        Optional<String> given = text(env, "BENCH_ACTUATOR_URLS");
        if (given.isPresent()) {
            for (String pair : given.get().split(",")) {
                String[] parts = pair.trim().split("=", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("BENCH_ACTUATOR_URLS takes name=url,...; got " + pair);
                }
                urls.put(parts[0].trim(), URI.create(parts[1].trim()));
            }
        } else if (target.isPresent()) {
            for (String service : SERVICES) {
                URI base = target.get();
                urls.put(service, URI.create(base.getScheme() + "://" + base.getHost() + ":"
                        + DEFAULT_PORTS.get(service)));
            }
        }
        return urls;
    }

    /** The services of a stack the benchmark starts, on their shifted ports. */
    public Map<String, URI> localServiceUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String service : SERVICES) {
            urls.put(service, URI.create("http://127.0.0.1:" + (DEFAULT_PORTS.get(service) + portOffset)));
        }
        return urls;
    }

    public int localMongoPort() {
        return 27017 + portOffset;
    }

    /** The knobs as one line for the report. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("shoppers=" + shoppers);
        parts.add("inflight=" + inflight);
        parts.add("skus=" + skus);
        parts.add("warmup=" + warmup.toSeconds() + "s");
        parts.add("spread=" + spread.toSeconds() + "s");
        parts.add("hot=" + hot.toSeconds() + "s");
        parts.add("rate=" + Math.round(rate) + "/s for " + rateDuration.toSeconds() + "s");
        parts.add("senders=" + senders);
        parts.add("backlogMax=" + backlogMax);
        parts.add("drain=" + drain.toSeconds() + "s");
        return String.join(", ", parts);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<Credentials> credentials(Map<String, String> env, String user, String password) {
        Optional<String> name = text(env, user);
        Optional<String> secret = Optional.ofNullable(env.get(password)).filter(s -> !s.isEmpty());
        if (name.isPresent() != secret.isPresent()) {
            throw new IllegalArgumentException("set both " + user + " and " + password + ", or neither");
        }
        return name.map(n -> new Credentials(n, secret.orElseThrow()));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        return text(env, name).map(v -> parse(name, v)).orElse(fallback);
    }

    private static int parse(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static Duration seconds(Map<String, String> env, String name, int fallback) {
        int value = integer(env, name, fallback);
        requireRange(name, value, 0, 3_600);
        return Duration.ofSeconds(value);
    }
}
