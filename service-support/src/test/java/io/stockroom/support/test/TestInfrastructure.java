package io.stockroom.support.test;

import de.bwaldvogel.mongo.MongoServer;
import io.stockroom.store.embedded.EmbeddedMemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where integration tests find RabbitMQ and MongoDB. With a Docker engine, Testcontainers starts real RabbitMQ
 * (management image) and a MongoDB replica set; without one (as on the build machines), tests use the local
 * RabbitMQ and an in-process MongoDB-wire server. {@code STOCKROOM_TEST_INFRA=local|containers} forces a choice.
 * Each {@link TestEnvironment} gets its own RabbitMQ vhost and MongoDB database, so test classes (and parallel
 * builds) never see each other's messages or documents.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final Pattern TEST_VHOST = Pattern.compile("\"name\":\"(stockroom-test-(\\d+)-[a-z0-9]+)\"");
    private static final String SIGNING_KEY_ID = "test-key";
    private static final String SIGNING_SECRET = randomSecret();
    private static volatile TestInfrastructure instance;

    private final String rabbitHost;
    private final int rabbitPort;
    private final String rabbitUser;
    private final String rabbitPassword;
    private final RabbitManagementClient management;
    private final String mongoBaseUri;
    private final boolean containers;
    private final Set<String> vhosts = ConcurrentHashMap.newKeySet();

    private TestInfrastructure(String rabbitHost, int rabbitPort, String rabbitUser, String rabbitPassword,
                               String managementUrl, String mongoBaseUri, boolean containers) {
        this.rabbitHost = rabbitHost;
        this.rabbitPort = rabbitPort;
        this.rabbitUser = rabbitUser;
        this.rabbitPassword = rabbitPassword;
        this.management = new RabbitManagementClient(managementUrl, rabbitUser, rabbitPassword);
        this.mongoBaseUri = mongoBaseUri;
        this.containers = containers;
        Runtime.getRuntime().addShutdownHook(new Thread(this::deleteVhosts, "test-vhost-cleanup"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = useContainers() ? startContainers() : local();
            instance.deleteVhostsOfDeadRuns();
        }
        return instance;
    }

    /** True when Testcontainers provides the services (a Docker engine is available). */
    public boolean isContainers() {
        return containers;
    }

    /** A fresh vhost and database; the vhost is deleted when the environment closes or the JVM exits. */
    public TestEnvironment newEnvironment() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String vhost = "stockroom-test-" + ProcessHandle.current().pid() + "-" + suffix;
        try {
            if (!management.isAvailable()) {
                throw new IllegalStateException("The RabbitMQ management API is not reachable; enable it with "
                        + "`rabbitmq-plugins enable rabbitmq_management` (.ci/run does this)");
            }
            management.createVhost(vhost);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vhosts.add(vhost);
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.rabbitmq.host", rabbitHost);
        properties.put("spring.rabbitmq.port", Integer.toString(rabbitPort));
        properties.put("spring.rabbitmq.username", rabbitUser);
        properties.put("spring.rabbitmq.password", rabbitPassword);
        properties.put("spring.rabbitmq.virtual-host", vhost);
        properties.put("spring.mongodb.uri", mongoBaseUri.replace("{db}", "test_" + suffix));
        properties.put("stockroom.signing.keys", SIGNING_KEY_ID + ":" + SIGNING_SECRET);
        properties.put("stockroom.signing.active-key-id", SIGNING_KEY_ID);
        return new TestEnvironment(vhost, Map.copyOf(properties), management, () -> deleteVhost(vhost));
    }

    private void deleteVhost(String vhost) {
        try {
            management.deleteVhost(vhost);
            vhosts.remove(vhost);
        } catch (IOException e) {
            log.warn("Could not delete test vhost {}: {}", vhost, e.toString());
        }
    }

    private void deleteVhosts() {
        Set.copyOf(vhosts).forEach(this::deleteVhost);
    }

    /** Vhosts left by test JVMs that were killed: their process id is no longer alive. */
    private void deleteVhostsOfDeadRuns() {
        try {
            Matcher matcher = TEST_VHOST.matcher(management.listVhosts());
            while (matcher.find()) {
                long pid = Long.parseLong(matcher.group(2));
                if (ProcessHandle.of(pid).isEmpty()) {
                    management.deleteVhost(matcher.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("No stale test vhosts removed: {}", e.toString());
        }
    }

    private static boolean useContainers() {
        String choice = System.getenv().getOrDefault("STOCKROOM_TEST_INFRA", "auto");
        return switch (choice) {
            case "local" -> false;
            case "containers" -> true;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    private static TestInfrastructure local() {
        MongoServer mongo = new MongoServer(new EmbeddedMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow, "test-mongo-shutdown"));
        String host = System.getenv().getOrDefault("STOCKROOM_TEST_RABBITMQ_HOST", "127.0.0.1");
        log.info("Integration tests use the local RabbitMQ at {} and an in-process MongoDB-wire server on port {}",
                host, address.getPort());
        return new TestInfrastructure(host, 5672, "guest", "guest", "http://" + host + ":15672",
                "mongodb://127.0.0.1:" + address.getPort() + "/{db}", false);
    }

    @SuppressWarnings("resource")
    private static TestInfrastructure startContainers() {
        RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:4.1-management");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0").withReplicaSet();
        rabbit.start();
        mongo.start();
        log.info("Integration tests use Testcontainers: RabbitMQ {} and MongoDB replica set {}",
                rabbit.getAmqpUrl(), mongo.getReplicaSetUrl());
        String mongoUri = mongo.getReplicaSetUrl("{db}");
        return new TestInfrastructure(rabbit.getHost(), rabbit.getAmqpPort(), rabbit.getAdminUsername(),
                rabbit.getAdminPassword(), rabbit.getHttpUrl(), mongoUri, true);
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
