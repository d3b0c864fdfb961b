package io.stockroom.producer.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user's browser: Debian's headless Chromium driven by Debian's ChromeDriver, both at fixed paths so Selenium
 * Manager never downloads anything, with a fresh profile (so fresh cookies) per instance. Every wait is explicit and
 * bounded. {@link #capture} saves a page at desktop (1366×900) and phone (390×844) size under
 * {@code target/screenshots/} and fails if the page is wider than the screen at either. The one helper of every
 * browser test: the producer's and, through this module's test-jar, the end-to-end tests.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Longest any single wait may take; the machine is shared and loaded, the system is asynchronous. */
    public static final Duration WAIT_MAX = Duration.ofSeconds(30);
    /** How often a wait looks again: short, because a live page changes within milliseconds. */
    private static final Duration POLL = Duration.ofMillis(50);
    public static final int WIDTH = 1366;
    public static final int HEIGHT = 900;
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    /** Tallest screenshot taken; a longer page is cut there. */
    private static final int SCREENSHOT_HEIGHT_MAX = 3_000;

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final String baseUrl;

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("stockroom-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-GB",
                "--user-data-dir=" + profile.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT_MAX);
        viewport(WIDTH, HEIGHT, false);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Opens an absolute URL (another service's page). */
    public void openUrl(String url) {
        driver.get(url);
    }

    /** Sends HTTP Basic credentials with every request from now on (the health page's viewer account). */
    public void basicAuth(String username, String password) {
        driver.executeCdpCommand("Network.enable", Map.of());
        String token = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + token)));
    }

    /** The current address without the scheme, host and port, e.g. {@code /shop?q=x}. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean exists(String css) {
        return !findAll(css).isEmpty();
    }

    /**
     * The element's rendered text, read in one script call: live regions are swapped in place at any moment, and a
     * two-step "find, then read" could hold an element that was just replaced.
     */
    public String text(String css) {
        Object text = script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
        if (text == null) {
            throw new org.openqa.selenium.NoSuchElementException("no element matches " + css);
        }
        return text.toString().strip();
    }

    /** An attribute, or a property such as {@code textContent} when there is no attribute of that name. */
    public String attribute(String css, String name) {
        Object value = script("const e = document.querySelector(arguments[0]); if (!e) { return undefined; }"
                + " return e.hasAttribute(arguments[1]) ? e.getAttribute(arguments[1]) : e[arguments[1]];", css, name);
        if (value == null && !exists(css)) {
            throw new org.openqa.selenium.NoSuchElementException("no element matches " + css);
        }
        return value == null ? null : value.toString();
    }

    public void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a field's value and fires its change event at once, as picking a value does (no partial input). */
    public void change(String css, String value) {
        script("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    }

    public void select(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Marks the loaded document; {@link #sameDocument()} stays true until a navigation or reload replaces it. */
    public void markDocument() {
        script("window.__stockroomMark = 'kept';");
    }

    public boolean sameDocument() {
        return "kept".equals(script("return window.__stockroomMark || null;"));
    }

    /** Clicks (a submit button or a link) and waits until the next page has replaced this one and loaded. */
    public void clickAndWait(String css) {
        WebElement element = find(css);
        String mark = mark();
        element.click();
        awaitNewDocument(mark);
    }

    /** Clicks a button whose form asks for confirmation, accepts the dialog, and waits for the next page. */
    public void clickConfirmAndWait(String css) {
        String mark = mark();
        find(css).click();
        waitUntil(ExpectedConditions.alertIsPresent()).accept();
        awaitNewDocument(mark);
    }

    /** Clicks a control that changes the page in place (no navigation), then waits for {@code done}. */
    public <T> T clickAndAwait(String css, Function<WebDriver, T> done) {
        find(css).click();
        return waitUntil(done);
    }

    private String mark() {
        String mark = UUID.randomUUID().toString();
        script("window.__stockroomNav = arguments[0];", mark);
        return mark;
    }

    private void awaitNewDocument(String mark) {
        waitUntil(d -> {
            try {
                return !mark.equals(script("return window.__stockroomNav || null;"))
                        && "complete".equals(script("return document.readyState"));
            } catch (WebDriverException navigating) {
                return false;
            }
        });
    }

    /**
     * Opens a page that shows something only once an asynchronous read side has caught up (a new item, new stock),
     * reopening it until {@code css} is there. Used to arrive at a page, never to watch a status change.
     */
    public void openWhenPresent(String path, String css) {
        waitUntil(d -> {
            open(path);
            return exists(css);
        });
    }

    /** Waits for a condition; on timeout the page's HTML and a screenshot are kept to show what was there. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT_MAX, POLL)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            String name = "timeout-" + System.currentTimeMillis();
            try {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
                shoot(name);
            } catch (IOException | RuntimeException ignored) {
                // The timeout is what matters; the evidence is a bonus.
            }
            throw new AssertionError("Timed out at " + path() + " (page kept as " + name + ".html): "
                    + timeout.getMessage(), timeout);
        }
    }

    /** Shows the page's times in this IANA time zone from now on (the browser's own zone, for app.js). */
    public void timeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    /**
     * Saves the page at desktop and at phone size ({@code <name>-desktop.png}, {@code <name>-mobile.png}) and fails
     * if, at either, the document is wider than the viewport (content off-screen, sideways scrolling).
     */
    public void capture(String name) {
        assertFits(name, WIDTH);
        shoot(name + "-desktop");
        viewport(PHONE_WIDTH, PHONE_HEIGHT, true);
        try {
            assertFits(name, PHONE_WIDTH);
            shoot(name + "-mobile");
        } finally {
            viewport(WIDTH, HEIGHT, false);
        }
    }

    /**
     * Emulates a screen. A phone is emulated as one (viewport meta honoured), so a page wider than the screen makes
     * the browser widen its layout viewport: the fit check therefore compares with the screen's width, not with
     * {@code innerWidth}.
     */
    private void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        String layout = mobile ? "window.matchMedia('(max-width: 720px)').matches"
                : "window.innerWidth === " + width;
        new WebDriverWait(driver, WAIT_MAX, POLL).until(d -> Boolean.TRUE.equals(script("return " + layout)));
    }

    private void assertFits(String page, int width) {
        Number scrollWidth = (Number) script("return Math.max(document.documentElement.scrollWidth, window.innerWidth)");
        assertThat(scrollWidth.intValue()).as(page + " at " + width + " px is wider than the viewport; widest: "
                + script("""
                        return Array.from(document.querySelectorAll('body *'))
                          .filter(e => e.getBoundingClientRect().right > arguments[0] + 1)
                          .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(
                            e.getBoundingClientRect().right)).join(', ');""", width))
                .isLessThanOrEqualTo(width);
    }

    /** Saves the whole page (up to a bound) as {@code target/screenshots/<name>.png}. */
    public Path shoot(String name) {
        Number height = (Number) script(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        Number width = (Number) script("return document.documentElement.clientWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width.intValue(),
                        "height", Math.min(height.intValue(), SCREENSHOT_HEIGHT_MAX), "scale", 1)));
        Path target = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Deletes every cookie of the site (signs out without the logout form). */
    public void forgetSession() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // A profile left in the temp directory is harmless.
            }
        }
    }
}
