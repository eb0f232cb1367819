package org.convene.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium driven by Playwright against the running application. Uses Debian's chromium
 * when installed (or the one named by {@code -Dconvene.test.chromium}); one browser per test JVM,
 * a fresh context (cookies, storage) per test. Screenshots go to {@code target/screenshots}.
 */
@ConveneTest
public abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeEach
    void openPage() {
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    /** Logs the main page in through the login form as this staff member. */
    protected void logIn(TestStaff.Login login) {
        page.navigate(url("/login"));
        page.locator("#email").fill(login.email());
        page.locator("#password").fill(login.password());
        page.locator("main form button[type=submit]").click();
        page.waitForURL("**/admin**");
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A context with its own viewport and language, for phone-sized and other-language checks. */
    protected Page newPage(int width, int height, String locale) {
        BrowserContext other = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale(locale));
        return other.newPage();
    }

    protected Path screenshot(Page target, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        target.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    protected Path screenshot(String name) {
        return screenshot(page, name);
    }

    /** The test JVM's one Chromium. */
    public static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create();
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"));
            String configured = System.getProperty("convene.test.chromium", System.getenv("CONVENE_TEST_CHROMIUM"));
            Path chromium = configured != null ? Path.of(configured) : Path.of("/usr/bin/chromium");
            if (Files.isExecutable(chromium)) {
                options.setExecutablePath(chromium);
            }
            browser = playwright.chromium().launch(options);
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
        }
        return browser;
    }
}
