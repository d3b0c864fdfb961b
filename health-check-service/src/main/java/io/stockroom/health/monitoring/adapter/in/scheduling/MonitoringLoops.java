package io.stockroom.health.monitoring.adapter.in.scheduling;

import io.stockroom.health.monitoring.application.ActuatorProbe;
import io.stockroom.health.monitoring.application.DatabaseProbe;
import io.stockroom.health.monitoring.application.HealthMonitor;
import io.stockroom.health.monitoring.application.QueueProbe;
import io.stockroom.health.monitoring.domain.ActuatorCheck;
import io.stockroom.health.monitoring.domain.ComponentCheck;
import io.stockroom.health.monitoring.domain.MonitoredService;
import io.stockroom.health.monitoring.domain.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The two monitoring threads. Thread one ({@code health-queues}) reads the broker's queue figures at a fixed rate;
 * thread two ({@code health-actuators}) polls every actuator at a fixed rate, each service on its own virtual
 * thread so one hanging service cannot delay the others. Every probe is time-bounded and below its period, so a
 * round always ends before the next one is due; a round that throws is logged and the next one runs anyway.
 */
public final class MonitoringLoops implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MonitoringLoops.class);
    /** Grace on top of the probe's own timeout before a poll is abandoned. */
    private static final Duration ROUND_GRACE = Duration.ofMillis(500);

    private final HealthMonitor monitor;
    private final QueueProbe queues;
    private final ActuatorProbe actuators;
    private final DatabaseProbe database;
    private final Duration queueInterval;
    private final Duration actuatorInterval;
    private final Duration actuatorTimeout;
    private final Clock clock;
    private ScheduledExecutorService queueThread;
    private ScheduledExecutorService actuatorThread;
    private ExecutorService polls;
    private volatile boolean running;
    private final Set<String> rechecking = ConcurrentHashMap.newKeySet();

    public MonitoringLoops(HealthMonitor monitor, QueueProbe queues, ActuatorProbe actuators, DatabaseProbe database,
                           Duration queueInterval, Duration actuatorInterval, Duration actuatorTimeout, Clock clock) {
        this.database = database;
        this.monitor = monitor;
        this.queues = queues;
        this.actuators = actuators;
        this.queueInterval = queueInterval;
        this.actuatorInterval = actuatorInterval;
        this.actuatorTimeout = actuatorTimeout;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        // Main and further queues alike; a queue shared by several watched instances is read once per round.
        List<String> watched = monitor.monitored().stream().flatMap(s -> s.watchedQueues().stream()).distinct()
                .toList();
        List<MonitoredService> polled = monitor.monitored().stream().filter(s -> s.actuator().isPresent()).toList();
        queueThread = Executors.newSingleThreadScheduledExecutor(named("health-queues"));
        actuatorThread = Executors.newSingleThreadScheduledExecutor(named("health-actuators"));
        polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("health-poll-", 0).factory());
        if (!watched.isEmpty()) {
            queueThread.scheduleAtFixedRate(guarded("queue round", () -> {
                monitor.recordQueues(queues.observe(watched));
                recheckUnhealthy(polled);
            }), 0, queueInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        actuatorThread.scheduleAtFixedRate(guarded("actuator round", () -> pollActuators(polled)),
                0, actuatorInterval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
        log.info("Watching {} queues every {} ms and {} actuators every {} ms (timeout {} ms)", watched.size(),
                queueInterval.toMillis(), polled.size(), actuatorInterval.toMillis(), actuatorTimeout.toMillis());
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (ExecutorService executor : new ExecutorService[] {queueThread, actuatorThread, polls}) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Probes the actuator of every service that is not UP on the queue thread's faster beat, so a service coming
     * back is seen within one queue interval instead of waiting for the next actuator round (which alone could take
     * the recovery past the 5 s budget). At most one such probe per service is in flight.
     */
    private void recheckUnhealthy(List<MonitoredService> services) {
        for (MonitoredService service : services) {
            boolean unhealthy = monitor.stateOf(service.name()).map(state -> state != ServiceState.UP).orElse(true);
            if (unhealthy && rechecking.add(service.name())) {
                polls.submit(() -> {
                    try {
                        monitor.recordActuator(service.name(), actuators.check(service));
                    } catch (RuntimeException e) {
                        log.warn("Out-of-round actuator check of {} failed: {}", service.name(), e.toString());
                    } finally {
                        rechecking.remove(service.name());
                    }
                });
            }
        }
    }

    /** Every actuator, and the database, at once; each bounded by the same deadline. */
    private void pollActuators(List<MonitoredService> services) {
        Future<ComponentCheck> ping = polls.submit(database::check);
        List<Future<ActuatorCheck>> checks = services.stream()
                .map(service -> polls.submit(() -> actuators.check(service))).toList();
        long deadline = System.nanoTime() + actuatorTimeout.plus(ROUND_GRACE).toNanos();
        for (int i = 0; i < services.size(); i++) {
            MonitoredService service = services.get(i);
            monitor.recordActuator(service.name(), await(checks.get(i), deadline));
        }
        monitor.recordComponent(HealthMonitor.DATABASE, awaitPing(ping, deadline));
    }

    private ComponentCheck awaitPing(Future<ComponentCheck> ping, long deadlineNanos) {
        try {
            return ping.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ping.cancel(true);
            return new ComponentCheck(false, "no answer within " + actuatorTimeout.plus(ROUND_GRACE).toMillis()
                    + " ms", clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ping.cancel(true);
            return new ComponentCheck(false, "interrupted", clock.instant());
        } catch (java.util.concurrent.ExecutionException e) {
            return new ComponentCheck(false, "check failed: " + e.getCause(), clock.instant());
        }
    }

    private ActuatorCheck await(Future<ActuatorCheck> check, long deadlineNanos) {
        try {
            return check.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return ActuatorCheck.noAnswer(clock.instant(), "poll abandoned after " + actuatorTimeout.plus(ROUND_GRACE)
                    .toMillis() + " ms", actuatorTimeout.plus(ROUND_GRACE).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check.cancel(true);
            return ActuatorCheck.noAnswer(clock.instant(), "interrupted", 0);
        } catch (java.util.concurrent.ExecutionException e) {
            return ActuatorCheck.noAnswer(clock.instant(), "probe failed: " + e.getCause(), 0);
        }
    }

    private static Runnable guarded(String what, Runnable round) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                // A throwing task would cancel the schedule: log it and keep the thread going.
                log.error("Monitoring {} failed; the next round runs as scheduled", what, e);
            }
        };
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
