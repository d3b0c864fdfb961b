package io.stockroom.producer.config;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCorrelationTest {

    private final RequestCorrelation filter = new RequestCorrelation();

    @Test
    void theGatewaysCorrelationIdIsLoggedAndAnsweredWhileTheRequestIsServed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/items");
        request.addHeader("X-Correlation-Id", "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> logged = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> logged.set(MDC.get("correlationId")));

        assertThat(logged.get()).isEqualTo("req-42");
        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("req-42");
        assertThat(MDC.get("correlationId")).isNull();
    }

    @Test
    void anImplausibleOrMissingIdIsReplacedWithAFreshOne() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("X-Correlation-Id", "bad id\r\ninjected");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> { });

        assertThat(response.getHeader("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }
}
