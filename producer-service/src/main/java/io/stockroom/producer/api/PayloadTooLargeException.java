package io.stockroom.producer.api;

import java.io.IOException;

/** A request body grew past its ceiling while being read (HTTP 413). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body exceeds " + limitBytes + " bytes");
    }
}
