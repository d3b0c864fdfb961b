package io.stockroom.support.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report for what never reaches the application: a request line, path, header or encoding the
 * connector refuses (an encoded {@code /}, {@code \} or NUL in the path, an over-long URL or header, a NUL in a
 * header, an unsupported HTTP version or transfer coding). Tomcat's own valve answers those with an HTML page; this
 * one answers by the rule of {@link ErrorResponses}: problem JSON, or a plain HTML page for a browser on a UI path.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same guards as Tomcat's valve: only errors, only when nothing was written, only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = safely(request::getRequestURI);
        String accept = safely(() -> request.getHeader("Accept"));
        boolean html = ErrorResponses.wantsHtml(path, accept);
        String body = html ? ErrorResponses.html(status, null) : ErrorResponses.problemJson(status, null, null);
        try {
            response.setContentType(html ? "text/html;charset=UTF-8" : ErrorResponses.PROBLEM_JSON + ";charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body any more: nothing else to do.
        }
    }

    /** A request the connector refused may have no parsed URI or headers; reading them must not fail the report. */
    private static String safely(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
