package io.stockroom.e2e.fuzz;

import io.stockroom.support.test.RawHttp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fuzz's clients, each on a loopback address of its own (127.x.y.1..4; Linux routes all of 127/8 to lo), so the
 * failing one drains only its own per-address login budget, and the accounts and sessions they use.
 */
public final class FuzzClients {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Map<FuzzCase.Client, RawHttp> clients;
    private final Credentials credentials;

    private FuzzClients(Map<FuzzCase.Client, RawHttp> clients, Credentials credentials) {
        this.clients = clients;
        this.credentials = credentials;
    }

    /** Registers a shopper and a victim account and signs a shopper and the admin in to the UI. */
    public static FuzzClients prepare(int port, String admin, String adminPassword) throws IOException,
            InterruptedException {
        SecureRandom random = new SecureRandom();
        byte[] network = {127, (byte) (1 + random.nextInt(254)), (byte) (1 + random.nextInt(254)), 0};
        Map<FuzzCase.Client, RawHttp> clients = new EnumMap<>(FuzzCase.Client.class);
        InetAddress trusted = null;
        for (FuzzCase.Client client : FuzzCase.Client.values()) {
            network[3] = (byte) (client.ordinal() + 1);
            InetAddress address = InetAddress.getByAddress(network.clone());
            trusted = client == FuzzCase.Client.TRUSTED ? address : trusted;
            clients.put(client, new RawHttp("127.0.0.1", port, address, TIMEOUT));
        }
        String suffix = Long.toString(Math.abs(random.nextLong()), 36);
        String shopper = "fz-shopper-" + suffix;
        String victim = "fz-victim-" + suffix;
        String password = "fuzz shopper password " + suffix;
        Browser browser = new Browser(port, trusted);
        browser.register(shopper, password);
        browser.register(victim, password);
        Credentials.UiSession shopperSession = new Browser(port, trusted).signIn(shopper, password);
        Credentials.UiSession adminSession = new Browser(port, trusted).signIn(admin, adminPassword);
        return new FuzzClients(clients, new Credentials(admin, adminPassword, shopper, password, victim,
                shopperSession, adminSession));
    }

    public Credentials credentials() {
        return credentials;
    }

    public RawHttp client(FuzzCase.Client client) {
        return clients.get(client);
    }

    /** Just enough of a browser to register and to sign in through the form (cookies, CSRF token). */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private final String base;

        Browser(int port, InetAddress address) {
            this.base = "http://127.0.0.1:" + port;
            this.http = HttpClient.newBuilder().localAddress(address).cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
        }

        void register(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("could not register " + username + ": " + created.body());
            }
        }

        Credentials.UiSession signIn(String username, String password) throws IOException, InterruptedException {
            String token = csrf("/login");
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(password) + "&_csrf=" + encode(token))).build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
                throw new IllegalStateException("could not sign " + username + " in: " + signedIn.statusCode() + " "
                        + location);
            }
            String sessionToken = csrf("/shop");
            String session = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no session cookie for " + username));
            return new Credentials.UiSession(session, sessionToken);
        }

        private String csrf(String path) throws IOException, InterruptedException {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = CSRF.matcher(page);
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token on " + path);
            }
            return matcher.group(1);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
