package io.stockroom.e2e.fuzz;

/**
 * What the fuzz signs in with. {@code shopper} and {@code admin} are only ever sent with their right passwords;
 * {@code victim} is the account wrong passwords are tried against, so only it gets locked.
 *
 * @param shopperSession a signed-in shopper's session cookie and CSRF token for form posts
 * @param adminSession   the same for the admin
 */
public record Credentials(String admin, String adminPassword, String shopper, String shopperPassword, String victim,
                   UiSession shopperSession, UiSession adminSession) {

    /** A browser session: its cookie and the CSRF token its forms carry. */
    public record UiSession(String cookie, String csrfToken) {
    }
}
