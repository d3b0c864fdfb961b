package io.stockroom.gateway.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request whose headers the edge has rewritten: some replaced, some removed. The proxy copies headers from this
 * view, so what a producer receives is what the edge decided, not what the client claimed.
 */
final class HeaderOverridingRequest extends HttpServletRequestWrapper {

    private final Map<String, String> replaced;
    private final Set<String> removed;

    HeaderOverridingRequest(HttpServletRequest request, Map<String, String> replaced, Set<String> removed) {
        super(request);
        this.replaced = new LinkedHashMap<>();
        replaced.forEach((name, value) -> this.replaced.put(name.toLowerCase(Locale.ROOT), value));
        this.removed = Set.copyOf(removed.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
    }

    @Override
    public String getHeader(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (replaced.containsKey(key)) {
            return replaced.get(key);
        }
        return removed.contains(key) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (replaced.containsKey(key)) {
            return Collections.enumeration(List.of(replaced.get(key)));
        }
        return removed.contains(key) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> original = super.getHeaderNames(); original.hasMoreElements(); ) {
            String name = original.nextElement();
            String key = name.toLowerCase(Locale.ROOT);
            if (!removed.contains(key) && !replaced.containsKey(key)) {
                names.add(name);
            }
        }
        names.addAll(replaced.keySet());
        return Collections.enumeration(names);
    }
}
