package io.stockroom.support.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given. Java's HTTP client (rightly) refuses or normalises what
 * hardening tests must send: a NUL in a header, a raw {@code %2F} left undecoded, invalid UTF-8, a header of 20 KiB.
 * One request per connection ({@code Connection: close}), so the response ends where the stream ends.
 */
public final class RawHttp {

    /**
     * What came back; {@code status} is -1 when the server closed the connection without an answer.
     *
     * @param headOnly the answer to a HEAD request, which has no body by definition
     */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean headOnly) {

        public Response(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, false);
        }

        public Response withoutBody() {
            return new Response(status, headers, new byte[0], true);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /**
     * A request to send: {@code target} goes on the request line untouched, {@code headers} are name/value pairs
     * (a null value leaves the header out).
     */
    public record Request(String label, String method, String target, byte[] body, List<String> headers,
                          byte[] rawHead) {

        public Request {
            headers = headers.stream().map(header -> header == null ? "" : header).toList();
        }

        public Request(String label, String method, String target, byte[] body, List<String> headers) {
            this(label, method, target, body, headers, null);
        }

        public static Request of(String label, String method, String target, String... headers) {
            return new Request(label, method, target, null, List.of(headers));
        }

        /**
         * A request whose head is sent exactly as {@code head} (it must end with a blank line); {@code method},
         * {@code target} and {@code headers} only describe it.
         */
        public static Request raw(String label, String method, String target, byte[] head, byte[] body,
                                  List<String> headers) {
            return new Request(label, method, target, body, headers, head);
        }

        public Request withHeader(String name, String value) {
            if (value == null) {
                return this;
            }
            List<String> more = new ArrayList<>(headers);
            more.add(name);
            more.add(value);
            return new Request(label, method, target, body, more, null);
        }

        /** The value of the first header of that name, or null. */
        public String header(String name) {
            for (int i = 0; i + 1 < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    return headers.get(i + 1);
                }
            }
            return null;
        }
    }

    private static final int RESPONSE_BYTES_MAX = 1 << 20;

    private final String host;
    private final int port;
    private final InetAddress localAddress;
    private final Duration timeout;

    public RawHttp(String host, int port) {
        this(host, port, null, Duration.ofSeconds(20));
    }

    /**
     * @param localAddress the client address to connect from (any 127.x.y.z works on Linux loopback), so a test can
     *                     appear as its own client to per-address limits; null for the default
     * @param timeout      for connecting, and for the whole answer to arrive
     */
    public RawHttp(String host, int port, InetAddress localAddress, Duration timeout) {
        this.host = host;
        this.port = port;
        this.localAddress = localAddress;
        this.timeout = timeout;
    }

    public Response exchange(Request request) {
        if (request.rawHead() != null) {
            return exchange(request.rawHead(), request.body());
        }
        return send(request.method(), request.target(), request.body(), request.headers().toArray(String[]::new));
    }

    /** Sends the request head exactly as given (it must end with a blank line) followed by the body. */
    public Response exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                // Nothing more will come: a body framed by the end of the stream (or a server waiting for more)
                // sees the end at once instead of a timeout.
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may answer (e.g. 413, 400) and close before reading all we send: read what it said.
            }
            return read(socket.getInputStream(), System.nanoTime() + timeout.toNanos());
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException("no complete answer within " + timeout, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds a request: {@code target} goes on the request line untouched; {@code Host}, {@code Connection: close}
     * and, with a body, {@code Content-Length} are added unless {@code headers} (name, value, ...) carries them.
     */
    public Response send(String method, String target, byte[] body, String... headers) {
        return exchange(head(method, target, body, headers), body);
    }

    public Response send(String method, String target, String body, String... headers) {
        return send(method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public byte[] head(String method, String target, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        boolean length = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                continue;
            }
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            host |= headers[i].equalsIgnoreCase("host");
            length |= headers[i].equalsIgnoreCase("content-length") || headers[i].equalsIgnoreCase("transfer-encoding");
        }
        if (!host) {
            head.append("Host: ").append(this.host).append(':').append(port).append("\r\n");
        }
        if (body != null && !length) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        // ISO-8859-1 keeps every char below 256 as one byte, so a test can put any byte (NUL, 0xC3) in the head.
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads to the end of the stream, but no longer than until {@code deadline}: a trickle must not keep it open. */
    private static Response read(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0 && all.size() <= RESPONSE_BYTES_MAX) {
                all.write(buffer, 0, n);
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("the answer did not end in time");
                }
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer (the server closed with our bytes unread): keep what arrived.
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] bytes = all.toByteArray();
        // Interim answers (100 Continue) come before the final one.
        while (bytes.length > 12 && new String(bytes, 0, 12, StandardCharsets.ISO_8859_1).matches("HTTP/1\\.1 1\\d\\d")) {
            int interimEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (interimEnd < 0) {
                break;
            }
            bytes = java.util.Arrays.copyOfRange(bytes, interimEnd + 4, bytes.length);
        }
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return new Response(-1, Map.of(), bytes);
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(Integer.parseInt(statusLine[1]), headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, position, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            position = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, 0, needle);
    }

    private static int indexOf(byte[] haystack, int from, byte[] needle) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
