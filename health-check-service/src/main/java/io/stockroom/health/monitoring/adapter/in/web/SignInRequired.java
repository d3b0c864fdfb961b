package io.stockroom.health.monitoring.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer without valid credentials: 401 with the Basic challenge, whose body is what a browser shows when its
 * sign-in prompt is cancelled. A person gets a short page saying what to do; a script gets RFC 9457 problem JSON.
 */
final class SignInRequired implements AuthenticationEntryPoint {

    static final String REALM = "Stockroom health";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Stockroom health</title><link rel="stylesheet" href="/assets/health.css"></head>
            <body><header class="top"><h1>Stockroom <span class="muted">service health</span></h1></header>
            <main><h2>Sign in to see the health page</h2>
            <p>This page is for the health viewer account (its name and password are set with
            <code>STOCKROOM_HEALTH_USERNAME</code> and <code>STOCKROOM_HEALTH_PASSWORD</code>; a local run prints them).</p>
            <p><a href="/">Try again</a>: your browser asks for the name and password.</p></main></body></html>
            """;
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"Sign in with the health viewer account (HTTP Basic).\"}";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        String accept = request.getHeader("Accept");
        boolean person = accept != null && accept.contains("text/html");
        response.setContentType(person ? "text/html;charset=UTF-8" : "application/problem+json");
        response.getOutputStream().write((person ? PAGE : PROBLEM).getBytes(StandardCharsets.UTF_8));
    }
}
