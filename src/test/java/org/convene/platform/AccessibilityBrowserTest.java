package org.convene.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs axe-core (the accessibility engine behind most WCAG checkers) on public pages in English and
 * Arabic and fails on serious or critical violations (missing labels, contrast, landmarks, ...).
 * The test context bypasses the Content-Security-Policy only so that axe itself can be injected.
 */
class AccessibilityBrowserTest extends BrowserTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/no-such-page", "/?lang=ar", "/login?lang=ar"})
    void publicPagesHaveNoSeriousViolations(String path) {
        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            target.navigate(url(path));
            assertThat(Accessibility.violations(target)).as("serious accessibility violations on %s", path).isEmpty();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.convene.support.TestStaff staff;

    @org.junit.jupiter.api.Test
    void staffPagesHaveNoSeriousViolations() {
        var admin = staff.networkAdmin();
        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            target.navigate(url("/login"));
            target.locator("#email").fill(admin.email());
            target.locator("#password").fill(admin.password());
            target.locator("main button[type=submit]").click();
            target.waitForURL(u -> u.endsWith("/admin"));
            for (String path : List.of("/admin", "/admin/directory", "/admin/directory/organizations/new", "/admin/staff",
                    "/admin/audit", "/admin/outbox", "/account/security", "/account/tokens", "/admin/staff?lang=ar")) {
                target.navigate(url(path));
                assertThat(Accessibility.violations(target)).as("serious accessibility violations on %s", path).isEmpty();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theCheckFindsAViolationWhenThereIsOne() {
        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            target.setContent("<html lang=en><head><title>t</title></head><body><main><input type=text></main></body></html>");
            assertThat(Accessibility.violations(target)).anySatisfy(v -> assertThat(v).startsWith("label"));
        }
    }


}
