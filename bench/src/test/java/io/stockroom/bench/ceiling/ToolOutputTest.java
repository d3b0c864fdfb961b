package io.stockroom.bench.ceiling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ToolOutputTest {

    /** Taken from a real PerfTest 2.22.1 run on this machine (last per-second line and the summary). */
    private static final String PERF_TEST = """
            id: test-093822-496, time 10.000 s, sent: 20187 msg/s, confirmed: 20187 msg/s, nacked: 0 msg/s, \
            received: 20488 msg/s, min/median/75th/95th/99th consumer latency: 2219/16344/47375/97869/148524 µs, \
            confirm latency: 607/7703/10583/17167/36844 µs
            test stopped (Reached time limit)
            id: test-093822-496, sending rate avg: 19327 msg/s
            id: test-093822-496, receiving rate avg: 19320 msg/s
            id: test-093822-496, consumer latency min/median/75th/95th/99th 1030/11235/21905/112058/186375 µs
            id: test-093822-496, confirm latency min/median/75th/95th/99th 623/7072/10098/19399/47730 µs
            """;

    /** Taken from a real wrk 4 run with --latency, plus the error lines wrk prints when they happen. */
    private static final String WRK = """
            Running 3s test @ http://127.0.0.1:9080/api/items/BENCH-TPGRWZ-S0001
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    52.51ms   70.55ms 461.73ms   86.87%
                Req/Sec   306.23    204.19     1.01k    68.42%
              Latency Distribution
                 50%  850.00us
                 75%   82.84ms
                 90%  143.94ms
                 99%    1.02s
              1784 requests in 3.03s, 1.64MB read
              Socket errors: connect 0, read 2, write 0, timeout 5
              Non-2xx or 3xx responses: 12
            Requests/sec:    588.55
            Transfer/sec:    554.66KB
            """;

    @Test
    void perfTestsSummaryGivesTheAverageRatesAndTheSummaryConfirmLatency() {
        PerfTestResult result = PerfTestResult.parse(PERF_TEST).orElseThrow();

        assertThat(result.sendingPerSecond()).isEqualTo(19_327);
        assertThat(result.receivingPerSecond()).isEqualTo(19_320);
        assertThat(result.confirmP50Micros()).isEqualTo(7_072);
        assertThat(result.confirmP99Micros()).isEqualTo(47_730);
    }

    @Test
    void aPerfTestRunWithoutItsSummaryHasNoFigure() {
        assertThat(PerfTestResult.parse("Connection refused")).isEmpty();
    }

    @Test
    void wrksRateLatencyInEveryUnitAndErrorsAreRead() {
        WrkResult result = WrkResult.parse(WRK).orElseThrow();

        assertThat(result.requestsPerSecond()).isEqualTo(588.55);
        assertThat(result.p50Millis()).isCloseTo(0.85, within(1e-9));
        assertThat(result.p99Millis()).isCloseTo(1_020.0, within(1e-9));
        assertThat(result.non2xx()).isEqualTo(12);
        assertThat(result.socketErrors()).isEqualTo(7);
    }

    @Test
    void aWrkRunThatMeasuredNothingHasNoFigure() {
        assertThat(WrkResult.parse("unable to connect to 127.0.0.1:9080 Connection refused")).isEmpty();
    }
}
