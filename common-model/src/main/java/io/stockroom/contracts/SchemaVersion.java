package io.stockroom.contracts;

/**
 * The payload schema version. A consumer refuses (dead-letters) a message whose version it does not know, rather
 * than guessing. Bump it only for a change an old consumer would misread; adding an optional field is not one.
 */
public final class SchemaVersion {

    public static final int CURRENT = 1;

    private SchemaVersion() {
    }

    /** True when a consumer built against this module understands {@code version}. */
    public static boolean isSupported(int version) {
        return version == CURRENT;
    }
}
