package io.stockroom.support.web;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class StoreUnavailableTest {

    private final StoreUnavailable resolver = new StoreUnavailable();

    @Test
    void a_store_that_does_not_answer_is_a_503_with_retry_after_in_the_problem_shape() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(resolver.resolveException(request, response, null,
                new IllegalStateException("wrapped", new MongoTimeoutException("no server")))).isNotNull();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("MongoTimeout");
    }

    @Test
    void spring_datas_translation_of_the_outage_is_one_too_and_other_failures_are_not_its_business() {
        assertThat(StoreUnavailable.isStoreOutage(new DataAccessResourceFailureException("down"))).isTrue();
        assertThat(resolver.resolveException(new MockHttpServletRequest(), new MockHttpServletResponse(), null,
                new IllegalStateException("a bug"))).isNull();
    }
}
