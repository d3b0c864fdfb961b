package io.stockroom.gateway.edge;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

/**
 * The gateway's own errors as RFC 9457 problem details: from servlet filters (413, 429) and when a route cannot reach
 * a producer (502, 503, 504). Never an exception message or stack trace in the body.
 */
@Component
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    /** Writes a problem from a servlet filter, where no handler runs. */
    public void write(HttpServletResponse response, HttpStatus status, String detail, String path)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** Turns a failure to proxy a request into the status a client can act on. */
    public ServerResponse upstreamFailure(Throwable failure, ServerRequest request) {
        HttpStatusCode status = statusOf(failure);
        String detail = switch (status.value()) {
            case 413 -> "The request body is larger than the gateway accepts.";
            case 503 -> "No producer instance is available right now; retry shortly.";
            case 504 -> "The producer did not answer in time.";
            default -> "The producer could not be reached.";
        };
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.warn("{} {} failed upstream with {}: {}", request.method(), request.path(), status.value(),
                root.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 404 for paths the gateway does not route. */
    public ServerResponse notFound(ServerRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource.");
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Wraps a route: whatever escapes the proxy (after retries) becomes a problem response. */
    public HandlerFilterFunction<ServerResponse, ServerResponse> asFilter() {
        return (request, next) -> {
            try {
                return next.handle(request);
            } catch (Exception e) {
                return upstreamFailure(e, request);
            }
        };
    }

    static HttpStatusCode statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case RequestTooLargeException ignored -> {
                    return HttpStatus.CONTENT_TOO_LARGE;
                }
                case ResponseStatusException e -> {
                    return e.getStatusCode();
                }
                case RestClientResponseException e -> {
                    return e.getStatusCode();
                }
                case HttpTimeoutException ignored -> {
                    return HttpStatus.GATEWAY_TIMEOUT;
                }
                case SocketTimeoutException ignored -> {
                    return HttpStatus.GATEWAY_TIMEOUT;
                }
                case ConnectException ignored -> {
                    return HttpStatus.BAD_GATEWAY;
                }
                default -> {
                }
            }
        }
        return HttpStatus.BAD_GATEWAY;
    }
}
