package io.stockroom.e2e.fuzz;

import java.util.List;

/**
 * Every documented endpoint (docs/API.md) and every form the UI posts, as templates the fuzz fills in. Path
 * variables are {@code {sku}}, {@code {location}}, {@code {code}}, {@code {orderId}} and {@code {commandId}}.
 */
final class Endpoints {

    /** Who may call it: decides which credentials the fuzz sends. */
    enum Access { PUBLIC_API, USER_API, ADMIN_API, PUBLIC_PAGE, USER_PAGE, ADMIN_PAGE }

    /** The body a well-formed call carries. */
    enum Body { NONE, ITEM, ITEM_UPDATE, LOCATION, RECEIVE, ADJUST, COUNT, THRESHOLD, TRANSFER, ORDER, ACCOUNT, CSV,
        FORM, MULTIPART }

    /**
     * @param stream a server-sent-events stream: a GET with valid credentials would stay open, so the fuzz never
     *               sends one (anything else it may)
     */
    record Endpoint(String method, String template, Body body, Access access, boolean stream) {

        boolean api() {
            return access == Access.PUBLIC_API || access == Access.USER_API || access == Access.ADMIN_API;
        }

        boolean registration() {
            return template.equals("/api/accounts") || template.equals("/register");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static Endpoint api(String method, String template, Body body, Access access) {
        return new Endpoint(method, template, body, access, false);
    }

    private static Endpoint page(String method, String template, Access access) {
        return new Endpoint(method, template, method.equals("POST") ? Body.FORM : Body.NONE, access, false);
    }

    static final List<Endpoint> ALL = List.of(
            api("POST", "/api/accounts", Body.ACCOUNT, Access.PUBLIC_API),
            api("POST", "/api/items", Body.ITEM, Access.ADMIN_API),
            api("PUT", "/api/items/{sku}", Body.ITEM_UPDATE, Access.ADMIN_API),
            api("DELETE", "/api/items/{sku}", Body.NONE, Access.ADMIN_API),
            api("POST", "/api/locations", Body.LOCATION, Access.ADMIN_API),
            api("PUT", "/api/locations/{code}", Body.LOCATION, Access.ADMIN_API),
            api("POST", "/api/locations/{code}/deactivate", Body.NONE, Access.ADMIN_API),
            api("POST", "/api/locations/{code}/reactivate", Body.NONE, Access.ADMIN_API),
            api("POST", "/api/stock/{sku}/{location}/receive", Body.RECEIVE, Access.ADMIN_API),
            api("POST", "/api/stock/{sku}/{location}/adjust", Body.ADJUST, Access.ADMIN_API),
            api("POST", "/api/stock/{sku}/{location}/count", Body.COUNT, Access.ADMIN_API),
            api("DELETE", "/api/stock/{sku}/{location}", Body.NONE, Access.ADMIN_API),
            api("POST", "/api/stock/{sku}/{location}/threshold", Body.THRESHOLD, Access.ADMIN_API),
            api("POST", "/api/stock/transfers", Body.TRANSFER, Access.ADMIN_API),
            api("POST", "/api/stock/audits", Body.NONE, Access.ADMIN_API),
            api("GET", "/api/commands/{commandId}", Body.NONE, Access.USER_API),
            api("GET", "/api/admin/actions", Body.NONE, Access.ADMIN_API),
            api("POST", "/api/imports/items", Body.CSV, Access.ADMIN_API),
            api("GET", "/api/items", Body.NONE, Access.USER_API),
            api("GET", "/api/items/{sku}", Body.NONE, Access.USER_API),
            api("GET", "/api/items/{sku}/movements", Body.NONE, Access.ADMIN_API),
            api("GET", "/api/locations", Body.NONE, Access.USER_API),
            api("GET", "/api/stock/alerts", Body.NONE, Access.ADMIN_API),
            api("POST", "/api/orders", Body.ORDER, Access.USER_API),
            api("GET", "/api/orders", Body.NONE, Access.USER_API),
            api("GET", "/api/orders/{orderId}", Body.NONE, Access.USER_API),
            api("POST", "/api/orders/{orderId}/cancel", Body.NONE, Access.USER_API),
            api("POST", "/api/orders/{orderId}/fulfil", Body.NONE, Access.ADMIN_API),
            new Endpoint("GET", "/api/orders/stream", Body.NONE, Access.USER_API, true),
            new Endpoint("GET", "/api/commands/stream", Body.NONE, Access.ADMIN_API, true),
            api("GET", "/v3/api-docs", Body.NONE, Access.PUBLIC_API),
            api("GET", "/actuator/health", Body.NONE, Access.PUBLIC_API),
            api("GET", "/actuator/health/readiness", Body.NONE, Access.PUBLIC_API),
            api("GET", "/actuator/prometheus", Body.NONE, Access.PUBLIC_API),
            page("GET", "/", Access.USER_PAGE),
            page("GET", "/login", Access.PUBLIC_PAGE),
            page("POST", "/login", Access.PUBLIC_PAGE),
            page("POST", "/logout", Access.PUBLIC_PAGE),
            page("GET", "/register", Access.PUBLIC_PAGE),
            page("POST", "/register", Access.PUBLIC_PAGE),
            page("GET", "/shop", Access.USER_PAGE),
            page("POST", "/shop/cart", Access.USER_PAGE),
            page("POST", "/shop/cart/remove", Access.USER_PAGE),
            page("GET", "/shop/orders", Access.USER_PAGE),
            page("POST", "/shop/orders", Access.USER_PAGE),
            page("GET", "/shop/orders/{orderId}", Access.USER_PAGE),
            page("POST", "/shop/orders/{orderId}/cancel", Access.USER_PAGE),
            new Endpoint("GET", "/ui/orders/stream", Body.NONE, Access.USER_PAGE, true),
            page("GET", "/admin", Access.ADMIN_PAGE),
            page("POST", "/admin/items", Access.ADMIN_PAGE),
            page("GET", "/admin/items/{sku}", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/receive", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/adjust", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/count", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/transfer", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/stock/{location}/remove", Access.ADMIN_PAGE),
            page("GET", "/admin/locations", Access.ADMIN_PAGE),
            page("POST", "/admin/locations", Access.ADMIN_PAGE),
            page("POST", "/admin/locations/{code}/deactivate", Access.ADMIN_PAGE),
            page("POST", "/admin/locations/{code}/reactivate", Access.ADMIN_PAGE),
            page("GET", "/admin/actions", Access.ADMIN_PAGE),
            page("GET", "/admin/alerts", Access.ADMIN_PAGE),
            page("GET", "/admin/import", Access.ADMIN_PAGE),
            new Endpoint("POST", "/admin/import", Body.MULTIPART, Access.ADMIN_PAGE, false),
            page("GET", "/ui/admin/commands/{commandId}", Access.ADMIN_PAGE),
            // The pages of issue 11 (the finished UI).
            page("GET", "/shop/items/{sku}", Access.USER_PAGE),
            page("GET", "/shop/cart", Access.USER_PAGE),
            page("POST", "/shop/cart/update", Access.USER_PAGE),
            page("POST", "/shop/cart/fit", Access.USER_PAGE),
            page("POST", "/shop/orders/{orderId}/retry", Access.USER_PAGE),
            page("POST", "/shop/orders/{orderId}/edit", Access.USER_PAGE),
            new Endpoint("GET", "/ui/commands/stream", Body.NONE, Access.USER_PAGE, true),
            new Endpoint("GET", "/ui/stock/stream", Body.NONE, Access.USER_PAGE, true),
            page("GET", "/admin/items/new", Access.ADMIN_PAGE),
            page("GET", "/admin/items/{sku}/edit", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/edit", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/archive", Access.ADMIN_PAGE),
            page("POST", "/admin/items/{sku}/stock/{location}/level", Access.ADMIN_PAGE),
            page("POST", "/admin/items/bulk", Access.ADMIN_PAGE),
            page("GET", "/admin/items/export.csv", Access.ADMIN_PAGE),
            page("POST", "/admin/items/export.csv", Access.ADMIN_PAGE),
            page("GET", "/admin/orders", Access.ADMIN_PAGE),
            page("GET", "/admin/orders/{orderId}", Access.ADMIN_PAGE),
            page("POST", "/admin/orders/{orderId}/fulfil", Access.ADMIN_PAGE),
            page("POST", "/admin/orders/{orderId}/cancel", Access.ADMIN_PAGE),
            page("POST", "/admin/orders/bulk", Access.ADMIN_PAGE),
            page("GET", "/admin/orders/export.csv", Access.ADMIN_PAGE),
            page("GET", "/admin/locations/{code}/edit", Access.ADMIN_PAGE),
            page("POST", "/admin/locations/{code}/edit", Access.ADMIN_PAGE),
            page("GET", "/admin/import/template.csv", Access.ADMIN_PAGE));

    private Endpoints() {
    }
}
