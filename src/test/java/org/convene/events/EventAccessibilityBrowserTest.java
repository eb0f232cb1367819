package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core finds no serious or critical WCAG violations on the event pages, in English and Arabic, with and without form errors. */
class EventAccessibilityBrowserTest extends BrowserTest {

    @Autowired
    EventFixtures fixtures;

    @Test
    void eventPagesHaveNoSeriousViolations() {
        Event event = fixtures.published(EventFormat.HYBRID, 3);
        String email = uniqueEmail("axe");
        fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations", registrationJson("Axe Tester", email, "IN_PERSON"));
        String personal = fixtures.personalPath(email);
        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            for (String path : List.of("/events", "/events/" + event.slug(), "/events/" + event.slug() + "?lang=ar",
                    personal, personal + "?lang=ar", "/events?lang=ar")) {
                target.navigate(url(path));
                assertThat(Accessibility.violations(target)).as("serious accessibility violations on %s", path).isEmpty();
            }
            target.navigate(url("/events/" + event.slug() + "?lang=en"));
            target.locator(".registration-form button[type=submit]").click();
            target.locator("#name-error").waitFor();
            assertThat(Accessibility.violations(target)).as("violations on the form with errors").isEmpty();
        }
    }


}
