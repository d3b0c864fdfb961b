package io.stockroom.e2e.fuzz;

import io.stockroom.support.test.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.stockroom.e2e.fuzz.FuzzValues.pick;

/**
 * Breaks HTTP/1.1 itself: the request line, the header block or the framing of the body. Only a raw socket can send
 * these. Faults that would make a correct server wait for more bytes (a Content-Length above the body) are left out:
 * waiting is right, and the fuzz would only measure its own timeout.
 */
final class ProtocolFaults {

    private ProtocolFaults() {
    }

    static RawHttp.Request apply(RawHttp.Request request, SplittableRandom random) {
        String line = request.method() + " " + request.target() + " HTTP/1.1";
        List<String> headers = new ArrayList<>();
        for (int i = 0; i + 1 < request.headers().size(); i += 2) {
            headers.add(request.headers().get(i) + ": " + request.headers().get(i + 1));
        }
        headers.add("Host: 127.0.0.1");
        byte[] body = request.body();
        String fault;
        switch (random.nextInt(14)) {
            case 0 -> {
                fault = pick(random, List.of("HTTP/2.5", "HTTP/1.2", "HTTX/1.1", "http/1.1", "HTTP/1.1 extra",
                        "HTTP/3.0"));
                line = request.method() + " " + request.target() + " " + fault;
            }
            case 1 -> {
                fault = pick(random, List.of("G E T", "GE(T", "X".repeat(300), "G\u0000T", "GET\t"));
                line = fault + " " + request.target() + " HTTP/1.1";
            }
            case 2 -> {
                fault = pick(random, List.of("http://evil.example", "https://127.0.0.1:1", "//evil.example",
                        "*", "#frag", " "));
                line = request.method() + " " + (fault.equals("*") ? "*" : fault + request.target()) + " HTTP/1.1";
            }
            case 3 -> headers.add(fault = "X-Nul: a\u0000b");
            case 4 -> headers.add(fault = "X-Fold: a\r\n continued");
            case 5 -> headers.add(fault = pick(random, List.of("No-Colon-Here", ": empty-name", "X Bad: v",
                    "X-Space : v", "X-Cr: a\rb", "X-Del: a\u007fb", "X-\u00e9: v")));
            case 6 -> headers.add(fault = "X-Long: " + "l".repeat(pick(random, List.of(9_000, 17_000, 70_000))));
            case 7 -> {
                fault = "150 headers";
                for (int i = 0; i < 150; i++) {
                    headers.add("X-Many-" + i + ": v");
                }
            }
            case 8 -> {
                headers.removeIf(header -> header.startsWith("Host:"));
                fault = pick(random, List.of("", "Host: a b", "Host: evil.example:99999", "Host: [::1",
                        "Host: 127.0.0.1\r\nHost: evil.example"));
                if (!fault.isEmpty()) {
                    headers.add(fault);
                }
            }
            case 9 -> {
                fault = pick(random, List.of("Content-Length: -1", "Content-Length: abc", "Content-Length: 1, 2",
                        "Content-Length: 0\r\nContent-Length: 5", "Content-Length: 99999999999999999999"));
                headers.add(fault);
            }
            case 10 -> {
                fault = "Transfer-Encoding: " + pick(random, List.of("gzip, chunked", "identity", "chunked, gzip",
                        "xchunked", "gzip"));
                headers.add(fault);
            }
            case 11 -> {
                fault = "chunked body with a bad size";
                headers.add("Transfer-Encoding: chunked");
                body = "zz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            }
            case 12 -> {
                fault = "chunked body";
                headers.add("Transfer-Encoding: chunked");
                byte[] content = body == null ? new byte[0] : body;
                body = chunked(content);
            }
            default -> {
                fault = "Content-Length below the body";
                headers.add("Content-Length: " + (body == null ? 0 : body.length / 2));
            }
        }
        if (body != null && !fault.startsWith("Content-Length") && !fault.contains("chunked")
                && !fault.startsWith("Transfer-Encoding")) {
            headers.add("Content-Length: " + body.length);
        }
        StringBuilder head = new StringBuilder(line).append("\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        head.append("Connection: close\r\n\r\n");
        String label = request.label() + " + " + (fault.length() > 60 ? fault.substring(0, 60) + "…" : fault);
        return RawHttp.Request.raw(label, request.method(), request.target(),
                head.toString().getBytes(StandardCharsets.ISO_8859_1), body, request.headers());
    }

    private static byte[] chunked(byte[] content) {
        String size = Integer.toHexString(content.length);
        byte[] start = (content.length == 0 ? "" : size + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] end = ((content.length == 0 ? "" : "\r\n") + "0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        System.arraycopy(end, 0, all, start.length + content.length, end.length);
        return all;
    }
}
