package io.stockroom.e2e.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One user's browser: Debian's headless Chromium driven by Debian's ChromeDriver, both at fixed paths so Selenium
 * Manager never downloads anything, with a fresh profile (so fresh cookies) per instance. Every wait is explicit and
 * bounded; screenshots go to {@code target/screenshots/<name>.png}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Longest any single wait may take; the machine is shared and loaded, the system is asynchronous. */
    static final Duration WAIT_MAX = Duration.ofSeconds(30);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    /** Tallest screenshot saved; a longer page is cut there. */
    private static final int SCREENSHOT_HEIGHT_MAX = 2_400;

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("e2e-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT_MAX);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The current address without the scheme, host and port, e.g. {@code /shop?q=x}. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean exists(String css) {
        return !findAll(css).isEmpty();
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void select(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    /** Clicks (a submit button or a link) and waits until the next page has replaced this one and loaded. */
    void clickAndWait(String css) {
        WebElement element = find(css);
        element.click();
        waitUntil(d -> {
            try {
                element.isDisplayed();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return "complete".equals(script("return document.readyState"));
            }
        });
    }

    /**
     * Opens a page that shows something only once an asynchronous read side has caught up (a new item, new stock),
     * reopening it until {@code css} is there. Used to arrive at a page, never to watch a status change.
     */
    void openWhenPresent(String path, String css) {
        waitUntil(d -> {
            open(path);
            return exists(css);
        });
    }

    <T> T waitUntil(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT_MAX).until(condition);
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Marks the loaded document; {@link #stillSameDocument()} is then true only while no reload or navigation happened. */
    void markDocument() {
        script("window.__e2eMark = 'kept';");
    }

    boolean stillSameDocument() {
        return "kept".equals(script("return window.__e2eMark || null;"));
    }

    /** Deletes every cookie of the site (signs out without the logout form). */
    void forgetSession() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    /** Saves the whole page (up to a bound) as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Number height = (Number) script(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        Number width = (Number) script("return document.documentElement.clientWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", width.intValue(), "height", Math.min(height.intValue(), SCREENSHOT_HEIGHT_MAX),
                        "scale", 1)));
        Path target = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
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
