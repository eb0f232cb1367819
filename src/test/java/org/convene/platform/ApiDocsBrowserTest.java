package org.convene.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** The API's OpenAPI document is readable in the browser at /api/docs: the strict Content-Security-Policy blocks none of its scripts or stylesheets. */
class ApiDocsBrowserTest extends BrowserTest {

    @Test
    void swaggerUiShowsTheApi() {
        java.util.List<String> blocked = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().startsWith("Loading the") && m.text().contains("Content Security Policy")) {
                blocked.add(m.text());
            }
        });
        page.navigate(url("/api/docs"));
        // Swagger UI fetches and renders the whole OpenAPI document first: allow for a slow, busy machine.
        assertThat(page.locator(".swagger-ui .info .title")).containsText("Convene",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("[data-path='/api/v1/organizations']").first()).isVisible();
        screenshot("api-docs");
        org.assertj.core.api.Assertions.assertThat(blocked).as("resources the CSP blocked").isEmpty();
    }
}
