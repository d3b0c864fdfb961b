package io.stockroom.gateway.edge;

import java.io.IOException;

/** A request body grew past the edge limit while it was being streamed to a producer. */
public final class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long bytesMax) {
        super("request body exceeds " + bytesMax + " bytes");
    }
}
