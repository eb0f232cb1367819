package org.convene.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.convene.accounts.internal.FirstAdminSetup;
import org.convene.accounts.internal.StaffAccounts;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first start on an empty database: the one-time setup link creates the first network admin,
 * refuses weak input, and works only once. Runs on a database of its own, since it needs one with
 * no admin in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "convene.database.embedded.data-dir=target/test-postgres-setup")
@ActiveProfiles("test")
class FirstAdminSetupBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    FirstAdminSetup setup;
    @Autowired
    StaffAccounts accounts;

    @Test
    void setupLinkCreatesTheFirstAdminOnce() {
        assertThat(accounts.networkAdminExists()).isFalse();
        String token = setup.newSetupToken();
        String link = "http://localhost:" + port + "/setup/" + token;

        try (BrowserContext context = BrowserTest.browser().newContext()) {
                Page page = context.newPage();

                page.navigate("http://localhost:" + port + "/setup/not-the-token");
                assertThat(page.locator("h1")).hasText("Page not found");

                page.navigate(link);
                page.getByLabel("Name").fill("Ada Admin");
                page.getByLabel("E-mail").fill("not-an-address");
                page.getByLabel("New password").fill("password123");
                page.getByLabel("Repeat the password").fill("password123");
                page.locator("main button[type=submit]").click();
                assertThat(page.locator("#email-error")).containsText("valid e-mail");
                assertThat(page.locator("#password-error")).containsText("too common");
                assertThat(page.getByLabel("Name")).hasValue("Ada Admin");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/setup-errors.png")).setFullPage(true));
                assertThat(accounts.networkAdminExists()).isFalse();

                page.getByLabel("E-mail").fill("ada@example.org");
                page.getByLabel("New password").fill("violet tractor moonlight");
                page.getByLabel("Repeat the password").fill("violet tractor moonlight");
                page.locator("main button[type=submit]").click();
                assertThat(page.locator("[role=status]")).containsText("ready");

                page.getByLabel("E-mail").fill("ada@example.org");
                page.getByLabel("Password").fill("violet tractor moonlight");
                page.locator("main button[type=submit]").click();
                assertThat(page.locator("h1")).hasText("Administration");
                assertThat(accounts.networkAdminExists()).isTrue();

                page.navigate(link);
                assertThat(page.locator("h1")).hasText("Page not found");
        }
    }
}
