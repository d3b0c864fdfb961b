package io.stockroom.support.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedRequestFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "text/*", "application/*+json", "*/*; charset=UTF-8", "nonsense"})
    void a_content_type_that_is_a_pattern_or_no_media_type_at_all_is_refused_with_400(String contentType)
            throws Exception {
        MockHttpServletResponse response = filter("GET", "/actuator/health", contentType);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("not a valid media type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/csv; charset=UTF-8", "application/problem+json"})
    void a_named_content_type_is_left_to_the_reader(String contentType) {
        assertThat(MalformedRequestFilter.isConcreteMediaType(contentType)).isTrue();
    }

    @Test
    void a_request_without_content_type_passes() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        FilterChain chain = (req, res) -> passed.set(true);

        new MalformedRequestFilter().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(passed).isTrue();
    }

    private static MockHttpServletResponse filter(String method, String uri, String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setContentType(contentType);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MalformedRequestFilter().doFilter(request, response, (req, res) -> {
            throw new AssertionError("the filter let a pattern Content-Type through");
        });
        return response;
    }
}
