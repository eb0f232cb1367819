package org.convene.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** The layout, the language switcher, right-to-left Arabic and the friendly error pages. */
class WebBasicsBrowserTest extends BrowserTest {

    @Test
    void languageComesFromParameterThenCookieThenBrowser() {
        page.navigate(url("/"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("html")).hasAttribute("dir", "ltr");

        page.navigate(url("/?lang=ar"));
        assertThat(page.locator("html")).hasAttribute("lang", "ar");
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        screenshot("home-ar");

        page.navigate(url("/"));
        assertThat(page.locator("html")).hasAttribute("lang", "ar");

        page.navigate(url("/?lang=xx"));
        assertThat(page.locator("html")).hasAttribute("lang", "ar");

        Page french = newPage(1280, 900, "fr-FR");
        french.navigate(url("/"));
        assertThat(french.locator("html")).hasAttribute("lang", "fr");
        french.context().close();
    }

    @Test
    void switcherLinksKeepThePage() {
        page.navigate(url("/"));
        page.locator("details.language-switcher summary").click();
        page.locator("a[hreflang=es]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        assertThat(page.locator(".navbar")).containsText("Directorio");
    }

    @Test
    void unknownPageIsAFriendly404WithoutInternals() {
        Response response = page.navigate(url("/no/such/page"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void apiErrorsAreProblemDocuments() {
        APIResponse response = page.request().get(url("/api/v1/no-such-thing"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(response.text()).contains("\"status\":404");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Response response = page.navigate(url("/"));
        assertThat(response.headers().get("content-security-policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(response.headers().get("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void phoneSizedHome() {
        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url("/"));
        assertThat(phone.locator("h1")).isVisible();
        Object overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        screenshot(phone, "home-phone");
        phone.context().close();
    }
}
