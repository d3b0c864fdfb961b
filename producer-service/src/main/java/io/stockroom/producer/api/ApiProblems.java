package io.stockroom.producer.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every API error as an RFC 9457 problem detail: bad input is a 400 with a detail (and {@code errors} per field),
 * never a stack trace. An unconfirmed publish (a 503 the caller may retry) is answered by the command feature's
 * own advice, {@code command.adapter.in.web.CommandProblems}, so this package knows no feature.
 */
@RestControllerAdvice(annotations = ApiController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), null);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> decided(ApiException e) {
        ResponseEntity<ProblemDetail> response = problem(e.status(), e.status().getReasonPhrase(), e.getMessage(),
                null);
        if (e.retryAfter() != null) {
            return ResponseEntity.status(e.status()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)))
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", e.getMessage(), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; "));
        return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return cast(tooLarge(tooLarge));
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", "Unknown field '" + field + "'",
                    List.of(Map.of("field", field, "message", "is not a known field"))));
        }
        if (cause instanceof InvalidFormatException | cause instanceof MismatchedInputException) {
            String field = path((JacksonException) cause);
            String expected = cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? mismatch.getTargetType().getSimpleName() : "another type";
            return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "Field '" + field + "' has the wrong type or format (expected " + expected + ")",
                    List.of(Map.of("field", field, "message", "must be of type " + expected))));
        }
        if (cause instanceof JacksonException json) {
            return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", "Malformed JSON: " + json.getOriginalMessage(),
                    null));
        }
        return cast(problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is missing or unreadable",
                null));
    }

    /**
     * Spring's own handlers (405, 406, 415, a missing header, a type mismatch...) leave the content type to
     * negotiation, and a client that accepts only, say, {@code image/png} then got the status with no body at all.
     * The contract is problem JSON whatever {@code Accept} says, so the type is set before negotiation.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, problemHeaders, status, request);
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "(body)" : path;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
                                                         List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
