package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core finds no serious or critical WCAG violations on the event pages, in English and Arabic, with and without form errors. */
class EventAccessibilityBrowserTest extends BrowserTest {

    private static final String AXE = load();

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
                assertThat(violations(target)).as("serious accessibility violations on %s", path).isEmpty();
            }
            target.navigate(url("/events/" + event.slug() + "?lang=en"));
            target.locator(".registration-form button[type=submit]").click();
            target.locator("#name-error").waitFor();
            assertThat(violations(target)).as("violations on the form with errors").isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Page target) {
        target.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        List<Map<String, Object>> found = (List<Map<String, Object>>) target.evaluate("""
                async () => {
                  const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }));
                }""");
        return found.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes")).toList();
    }

    private static String load() {
        try (InputStream in = EventAccessibilityBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
