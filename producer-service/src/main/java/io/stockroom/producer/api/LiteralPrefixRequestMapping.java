package io.stockroom.producer.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring MVC's request mapping with a cheap first test. A path with a variable ({@code /api/items/{sku}}) has no
 * direct lookup, so Spring evaluates every mapping's conditions (method, CORS pre-flight, params, headers, media types,
 * then the pattern) for every such request; measured on the item page, that was 18 % of the producer's CPU. Here a
 * mapping whose patterns all begin with a literal prefix (e.g. {@code /api/items/}) is skipped at once for a request
 * path that does not begin with it: its pattern could not match anyway, so the outcome is exactly Spring's. Paths
 * with percent-encoding or matrix parameters, which patterns match in decoded form, always take Spring's full test.
 * The lookup path is the one Spring hands to {@link #lookupHandlerMethod}, kept for the thread of that lookup (reading
 * it from the request per mapping would walk the request wrappers every time, which cost as much as it saved).
 */
final class LiteralPrefixRequestMapping extends RequestMappingHandlerMapping {

    /** The plain lookup path of the lookup running on this thread, or null (then every mapping gets the full test). */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    /** One entry per registered mapping (bounded by the application's mappings). */
    private final Map<RequestMappingInfo, String> prefixes = new ConcurrentHashMap<>();

    /** Something that looks a handler up while the lookup path is known. */
    interface Lookup<T> {
        T run() throws Exception;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        return withLookupPath(lookupPath, () -> super.lookupHandlerMethod(lookupPath, request));
    }

    /** Runs {@code lookup} with {@code lookupPath} known to {@link #getMatchingMapping} (nested lookups restore it). */
    static <T> T withLookupPath(String lookupPath, Lookup<T> lookup) throws Exception {
        String outer = LOOKUP_PATH.get();
        LOOKUP_PATH.set(lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 ? null : lookupPath);
        try {
            return lookup.run();
        } finally {
            if (outer == null) {
                LOOKUP_PATH.remove();
            } else {
                LOOKUP_PATH.set(outer);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null) {
            String prefix = prefixes.get(info);
            if (prefix == null) {
                prefix = prefixes.computeIfAbsent(info, LiteralPrefixRequestMapping::literalPrefix);
            }
            if (!path.startsWith(prefix)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** The literal start shared by all of the mapping's path patterns; empty when there is none to rely on. */
    static String literalPrefix(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.isEmptyPathMapping() || condition.getPatterns().isEmpty()) {
            return "";
        }
        String common = null;
        for (PathPattern pattern : condition.getPatterns()) {
            String literal = literalStart(pattern.getPatternString());
            common = common == null ? literal : commonPrefix(common, literal);
        }
        return common;
    }

    /** The pattern up to its first variable or wildcard; empty unless it is an absolute path. */
    static String literalStart(String pattern) {
        if (!pattern.startsWith("/")) {
            return "";
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    private static String commonPrefix(String a, String b) {
        int length = Math.min(a.length(), b.length());
        int i = 0;
        while (i < length && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
