package io.stockroom.producer.api;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralPrefixRequestMappingTest {

    private static final RequestMappingInfo.BuilderConfiguration CONFIG = new RequestMappingInfo.BuilderConfiguration();

    static {
        CONFIG.setPatternParser(PathPatternParser.defaultInstance);
    }

    private static final List<RequestMappingInfo> MAPPINGS = List.of(
            info(RequestMethod.GET, "/api/items/{sku}"),
            info(RequestMethod.GET, "/api/items/{sku}/movements"),
            info(RequestMethod.GET, "/api/items"),
            info(RequestMethod.POST, "/api/orders/{orderId}/cancel"),
            info(RequestMethod.GET, "/api/orders/{orderId}", "/api/orders/stream"),
            info(RequestMethod.GET, "/admin/items/**"),
            info(RequestMethod.GET, "/{page}"),
            info(RequestMethod.GET, "/shop/*/cart"));

    private static final List<String> PATHS = List.of("/api/items/ORN-1", "/api/items/ORN-1/movements",
            "/api/items", "/api/items/", "/api/itemsX", "/api/orders/ord-1", "/api/orders/stream",
            "/api/orders/ord-1/cancel", "/admin/items/a/b", "/login", "/", "/shop/x/cart", "/API/ITEMS/ORN-1",
            "/api/%69tems/ORN-1", "/api/items;v=1/ORN-1", "/api/orders/ord%2D1");

    private static RequestMappingInfo info(RequestMethod method, String... paths) {
        return RequestMappingInfo.paths(paths).methods(method).options(CONFIG).build();
    }

    private static HttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** Exposes Spring's own test next to ours. */
    private static final class Plain extends RequestMappingHandlerMapping {
        RequestMappingInfo match(RequestMappingInfo info, HttpServletRequest request) {
            return getMatchingMapping(info, request);
        }
    }

    @Test
    void everyMappingMatchesEveryPathExactlyAsSpringsOwnTestDoes() throws Exception {
        LiteralPrefixRequestMapping fast = new LiteralPrefixRequestMapping();
        Plain spring = new Plain();
        int matches = 0;
        for (String method : List.of("GET", "POST")) {
            for (String path : PATHS) {
                for (RequestMappingInfo mapping : MAPPINGS) {
                    RequestMappingInfo expected = spring.match(mapping, request(method, path));
                    HttpServletRequest request = request(method, path);
                    RequestMappingInfo actual = LiteralPrefixRequestMapping.withLookupPath(
                            ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value(),
                            () -> fast.getMatchingMapping(mapping, request));
                    assertThat(actual).as("%s %s against %s", method, path, mapping).isEqualTo(expected);
                    matches += expected == null ? 0 : 1;
                }
            }
        }
        assertThat(matches).as("the matrix must exercise matches, not only misses").isGreaterThan(8);
    }

    @Test
    void theLiteralPrefixStopsAtTheFirstVariableOrWildcardAndIsSharedAcrossPatterns() {
        assertThat(LiteralPrefixRequestMapping.literalPrefix(info(RequestMethod.GET, "/api/items/{sku}")))
                .isEqualTo("/api/items/");
        assertThat(LiteralPrefixRequestMapping.literalPrefix(info(RequestMethod.GET, "/api/items")))
                .isEqualTo("/api/items");
        assertThat(LiteralPrefixRequestMapping.literalPrefix(
                info(RequestMethod.GET, "/api/orders/{orderId}", "/api/orders/stream"))).isEqualTo("/api/orders/");
        assertThat(LiteralPrefixRequestMapping.literalPrefix(info(RequestMethod.GET, "/shop/*/cart")))
                .isEqualTo("/shop/");
        assertThat(LiteralPrefixRequestMapping.literalPrefix(info(RequestMethod.GET, "/{page}"))).isEqualTo("/");
    }

    @Test
    void aMappingWhosePrefixTheRequestLacksIsSkippedWithoutEvaluatingItsConditions() throws Exception {
        LiteralPrefixRequestMapping fast = new LiteralPrefixRequestMapping();
        // A request whose path was never parsed would fail Spring's own pattern test: skipping must come first.
        MockHttpServletRequest unparsed = new MockHttpServletRequest("GET", "/api/items/ORN-1");

        assertThat(LiteralPrefixRequestMapping.withLookupPath("/api/items/ORN-1", () -> fast.getMatchingMapping(
                info(RequestMethod.GET, "/api/orders/{orderId}"), unparsed))).isNull();
        assertThat(LiteralPrefixRequestMapping.withLookupPath("/api/items/ORN-1", () -> fast.getMatchingMapping(
                info(RequestMethod.GET, "/api/items/{sku}"), request("GET", "/api/items/ORN-1")))).isNotNull();
    }

    @Test
    void outsideALookupOrForAnEncodedPathEveryMappingGetsSpringsFullTest() throws Exception {
        LiteralPrefixRequestMapping fast = new LiteralPrefixRequestMapping();
        RequestMappingInfo orders = info(RequestMethod.GET, "/api/orders/{orderId}");
        MockHttpServletRequest unparsed = new MockHttpServletRequest("GET", "/api/items/ORN-1");

        // Without the shortcut, Spring's test runs and needs the parsed path: its absence shows the full test ran.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fast.getMatchingMapping(orders, unparsed))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiteralPrefixRequestMapping.withLookupPath(
                "/api/it%65ms/ORN-1", () -> fast.getMatchingMapping(orders, unparsed)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
