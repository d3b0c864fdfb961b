package io.stockroom.producer.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven by Debian's ChromeDriver: no browser or driver download (the paths are set
 * explicitly, so Selenium Manager never runs), a fresh profile per run, and full-page screenshots of every page the
 * test visits under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Duration WAIT_MAX = Duration.ofSeconds(20);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    /** Tallest screenshot taken; a longer page is cut there. */
    private static final int SCREENSHOT_HEIGHT_MAX = 3_000;

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final String baseUrl;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("stockroom-chromium-");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + profile.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT_MAX);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    /** Clicks and waits for the next page to be loaded (a form submit or a link). */
    void clickAndWait(String css) {
        WebElement element = find(css);
        element.click();
        waitUntil(d -> {
            try {
                element.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
            }
        });
    }

    /** Clicks a button whose form asks for confirmation, accepts the dialog, and waits for the next page. */
    void clickConfirmAndWait(String css) {
        WebElement element = find(css);
        element.click();
        waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        waitUntil(d -> {
            try {
                element.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
            }
        });
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT_MAX).until(condition);
    }

    String text(String css) {
        return find(css).getText();
    }

    /** A screenshot of the whole page (up to a bound), named for the report. */
    Path screenshot(String name) {
        return screenshot(name, WIDTH);
    }

    /**
     * The same at another window width, e.g. a phone's, to show the responsive layout. Chrome's DevTools protocol
     * captures beyond the viewport, so a long page is saved whole (up to a bound).
     */
    Path screenshot(String name, int width) {
        driver.manage().window().setSize(new Dimension(width, HEIGHT));
        try {
            Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            int pageHeight = Math.min(height.intValue(), SCREENSHOT_HEIGHT_MAX);
            Number viewportWidth = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.clientWidth");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", viewportWidth.intValue(), "height", pageHeight,
                            "scale", 1)));
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
