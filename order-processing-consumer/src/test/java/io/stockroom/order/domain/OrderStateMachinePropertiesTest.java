package io.stockroom.order.domain;

import io.stockroom.contracts.order.LineRejection;
import io.stockroom.contracts.order.OrderLine;
import io.stockroom.contracts.order.PlaceOrder;
import io.stockroom.contracts.order.RejectionReason;
import io.stockroom.contracts.order.SourcingStrategy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.stockroom.order.domain.OrderMother.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's state machine under random sequences of commands, each possibly delivered twice (at-least-once
 * delivery). An independent model (the rules of {@link OrderStatus}'s documentation, written out again here)
 * decides which commands may apply; the domain must agree with it on every step, and no redelivered command may take
 * effect a second time.
 */
class OrderStateMachinePropertiesTest {

    /** A command the consumer applies to an order, as the saga and the cancel/fulfil handlers do. */
    sealed interface Command {
        Order applyTo(Order order);
    }

    record Locate(int lineNo, String location) implements Command {
        public Order applyTo(Order order) {
            return order.withLocation(lineNo, location);
        }
    }

    record Confirm() implements Command {
        public Order applyTo(Order order) {
            return order.confirmed(T0.plusSeconds(order.version()), "consumer");
        }
    }

    record Reject() implements Command {
        public Order applyTo(Order order) {
            List<LineRejection> reasons = order.lines().stream().map(line -> new LineRejection(line.lineNo(),
                    line.sku(), line.location(), RejectionReason.OUT_OF_STOCK, null)).toList();
            return order.rejecting(reasons, T0.plusSeconds(order.version()), "consumer");
        }
    }

    record Cancel(String commandId) implements Command {
        public Order applyTo(Order order) {
            return order.cancelling(commandId, T0.plusSeconds(order.version()), "alice", "changed my mind");
        }
    }

    record Fulfil(String commandId) implements Command {
        public Order applyTo(Order order) {
            return order.fulfilling(commandId, T0.plusSeconds(order.version()), "admin");
        }
    }

    record Finish() implements Command {
        public Order applyTo(Order order) {
            return order.finished(T0.plusSeconds(order.version()), "consumer");
        }
    }

    /** One delivery of a command; {@code redelivered} delivers it a second time right after. */
    record Delivery(Command command, boolean redelivered) {
    }

    @Provide
    Arbitrary<List<Delivery>> deliveries() {
        Arbitrary<Command> commands = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.of("WH-1", "DS-2", "ST-3"))
                        .as(Locate::new),
                Arbitraries.just(new Confirm()), Arbitraries.just(new Reject()),
                Arbitraries.of("cmd-cancel-1", "cmd-cancel-2").map(Cancel::new),
                Arbitraries.of("cmd-fulfil-1").map(Fulfil::new), Arbitraries.just(new Finish()));
        return Combinators.combine(commands, Arbitraries.of(true, false)).as(Delivery::new).list().ofMaxSize(25)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 2_000)
    void the_domain_applies_exactly_the_commands_the_state_machine_allows_and_never_one_twice(
            @ForAll("deliveries") List<Delivery> deliveries, @ForAll @IntRange(min = 1, max = 4) int lineCount,
            @ForAll @IntRange(min = 0, max = 4) int linesWithRequestedLocation) {
        Order order = Order.placed(placeOrder(lineCount, Math.min(lineCount, linesWithRequestedLocation)), T0);
        for (Delivery delivery : deliveries) {
            Optional<Order> first = attempt(delivery.command(), order);
            assertThat(first.isPresent()).as("%s on %s", delivery.command(), order.status())
                    .isEqualTo(allowed(delivery.command(), order));
            if (first.isPresent()) {
                assertIsOneStep(order, first.get(), delivery.command());
                order = first.get();
                if (delivery.redelivered()) {
                    assertThat(attempt(delivery.command(), order)).as("%s redelivered", delivery.command()).isEmpty();
                }
            }
        }
        assertWholeHistoryIsAPathOfTheStateMachine(order);
        // Not vacuous: the random runs get past PLACED often enough, some to a terminal status.
        Statistics.label("furthest").collect(order.status().isTerminal() ? "terminal"
                : order.status() == OrderStatus.PLACED ? "placed" : "between");
        Statistics.label("furthest").coverage(coverage -> {
            coverage.check("terminal").percentage(percent -> percent > 5);
            coverage.check("between").percentage(percent -> percent > 5);
        });
    }

    @Property(tries = 1_000)
    void a_saga_run_to_its_end_reaches_exactly_one_terminal_status_which_nothing_changes_afterwards(
            @ForAll @IntRange(min = 1, max = 4) int lineCount, @ForAll boolean everyLineReserved,
            @ForAll("closings") Optional<Command> closing, @ForAll("deliveries") List<Delivery> afterwards) {
        Order order = Order.placed(placeOrder(lineCount, 0), T0);
        for (int line = 0; line < lineCount; line++) {
            order = order.withLocation(line, "WH-1");
        }
        order = everyLineReserved ? new Confirm().applyTo(order) : new Reject().applyTo(order).finished(T0, "c");
        if (everyLineReserved && closing.isPresent()) {
            order = closing.get().applyTo(order).finished(T0, "consumer");
        }
        Order settled = order;
        assertThat(settled.status()).isIn(EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.REJECTED,
                OrderStatus.CANCELLED, OrderStatus.FULFILLED));

        for (Delivery delivery : afterwards) {
            Optional<Order> changed = attempt(delivery.command(), settled);
            if (settled.status().isTerminal()) {
                assertThat(changed).as("%s after %s", delivery.command(), settled.status()).isEmpty();
            } else {
                changed.ifPresent(next -> assertThat(next.status()).isIn(OrderStatus.CANCELLING,
                        OrderStatus.FULFILLING));
            }
        }
        assertWholeHistoryIsAPathOfTheStateMachine(settled);
    }

    @Provide
    Arbitrary<Optional<Command>> closings() {
        return Arbitraries.of(Optional.empty(), Optional.of(new Cancel("cmd-cancel")),
                Optional.of(new Fulfil("cmd-fulfil")));
    }

    /** The rules, written independently of the domain code: which command may follow which state. */
    private static boolean allowed(Command command, Order order) {
        OrderStatus status = order.status();
        return switch (command) {
            case Locate locate -> status == OrderStatus.PLACED && locate.lineNo() < order.lines().size()
                    && !order.lines().get(locate.lineNo()).hasLocation();
            case Confirm confirm -> status == OrderStatus.PLACED
                    && order.lines().stream().allMatch(OrderLineState::hasLocation);
            case Reject reject -> status == OrderStatus.PLACED;
            case Cancel cancel -> status == OrderStatus.CONFIRMED;
            case Fulfil fulfil -> status == OrderStatus.CONFIRMED;
            case Finish finish -> EnumSet.of(OrderStatus.REJECTING, OrderStatus.CANCELLING, OrderStatus.FULFILLING)
                    .contains(status);
        };
    }

    /** The domain refuses a command with an exception and no new order; the old order, immutable, stays as it was. */
    private static Optional<Order> attempt(Command command, Order order) {
        try {
            return Optional.of(command.applyTo(order));
        } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException refused) {
            return Optional.empty();
        }
    }

    private static void assertIsOneStep(Order before, Order after, Command command) {
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.orderId()).isEqualTo(before.orderId());
        if (command instanceof Locate) {
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.history()).isEqualTo(before.history());
        } else {
            assertThat(before.status().canBecome(after.status())).isTrue();
            assertThat(after.history()).hasSize(before.history().size() + 1);
        }
        if (before.closingCommandId() != null) {
            assertThat(after.closingCommandId()).as("the closing command never changes")
                    .isEqualTo(before.closingCommandId());
        }
        for (int line = 0; line < before.lines().size(); line++) {
            if (before.lines().get(line).hasLocation()) {
                assertThat(after.lines().get(line).location()).as("a chosen location never changes")
                        .isEqualTo(before.lines().get(line).location());
            }
        }
    }

    private static void assertWholeHistoryIsAPathOfTheStateMachine(Order order) {
        List<OrderStatus> path = order.history().stream().map(StatusChange::status).toList();
        assertThat(path.getFirst()).isEqualTo(OrderStatus.PLACED);
        for (int i = 1; i < path.size(); i++) {
            assertThat(path.get(i - 1).canBecome(path.get(i))).as("%s", path).isTrue();
        }
        assertThat(path.getLast()).isEqualTo(order.status());
        assertThat(path.size()).isLessThanOrEqualTo(Order.HISTORY_MAX);
        assertThat(order.rejections().isEmpty()).isEqualTo(!path.contains(OrderStatus.REJECTING));
    }

    private static PlaceOrder placeOrder(int lineCount, int withRequestedLocation) {
        List<OrderLine> lines = new ArrayList<>();
        IntStream.range(0, lineCount).forEach(i -> lines.add(new OrderLine("WATCH-" + i, 1 + i,
                i < withRequestedLocation ? "WH-1" : null)));
        return new PlaceOrder("order-p", "alice", lines, SourcingStrategy.MOST_AVAILABLE, T0);
    }
}
