package io.stockroom.e2e.fuzz;

import io.stockroom.support.test.RawHttp;

/**
 * One generated request and what the verdict needs to know about it.
 *
 * @param index       its number in the run (with the seed, enough to generate it again)
 * @param endpoint    the documented endpoint it was derived from ({@code METHOD template})
 * @param request     the bytes to send
 * @param client      which client address sends it (keeps failing logins from locking out valid ones)
 * @param headBroken  the request line or headers are malformed on purpose: Tomcat may refuse the head before it
 *                    reads {@code Accept}, so the answer may be problem JSON even for a browser's request
 */
public record FuzzCase(int index, String endpoint, RawHttp.Request request, Client client, boolean headBroken) {

    /** The client addresses of a run; each is its own loopback address (127.x.y.z). */
    public enum Client {
        /** Correct credentials or sessions only: never drains a failure budget. */
        TRUSTED,
        /** Wrong passwords, unknown users, junk credentials: its address is throttled soon, which is tested too. */
        FAILING,
        /** No credentials at all. */
        ANONYMOUS,
        /** Registrations: a budget of their own (20 per hour per address). */
        REGISTERING
    }

    public String describe() {
        String target = request.target().length() > 160 ? request.target().substring(0, 160) + "…" : request.target();
        return "#" + index + " [" + endpoint + "] " + request.label() + ": " + request.method() + " " + target;
    }
}
