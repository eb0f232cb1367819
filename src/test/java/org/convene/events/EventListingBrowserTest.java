package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.convene.events.MemberNetworkFixtures.Corner;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The filtered list of events in a browser (htmx and the address bar, English, Arabic, a phone) and the Arabic event page. */
class EventListingBrowserTest extends BrowserTest {

    @Autowired
    EventFixtures fixtures;
    @Autowired
    MemberNetworkFixtures network;

    private Event create(EventFormat format, Long organizer, List<Long> coOrganizers, Instant start) {
        EventDraft d = EventFixtures.draft(format, format == EventFormat.ONLINE ? 0 : 5);
        return fixtures.create(EventFixtures.startingAt(EventFixtures.organizedBy(d, organizer, coOrganizers), start));
    }

    @Test
    void filtersNarrowTheListInPlaceAndExplainABadMonth() {
        Corner c = network.corner();
        Instant start = Instant.now().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Event inPerson = create(EventFormat.IN_PERSON, c.member().id(), List.of(), start);
        Event online = create(EventFormat.ONLINE, c.outsider().id(), List.of(c.partner().id()), start.plus(Duration.ofDays(1)));
        Event south = create(EventFormat.HYBRID, c.outsider().id(), List.of(), start.plus(Duration.ofDays(2)));

        page.navigate(url("/events"));
        page.locator("#region").selectOption(c.north().slug());
        page.waitForURL(Pattern.compile(".*region=" + c.north().slug() + ".*"));
        assertThat(page.locator("#results")).containsText(inPerson.title().in("en"));
        assertThat(page.locator("#results")).containsText(online.title().in("en"));
        assertThat(page.locator("#results")).not().containsText(south.title().in("en"));
        assertThat(page.locator("#results")).containsText(c.outsider().name() + ", " + c.partner().name());

        // a keyboard user stays on the field: htmx swaps the form and results and focuses the same field again
        page.locator("#format").focus();
        page.locator("#format").selectOption("ONLINE");
        page.waitForURL(Pattern.compile(".*format=ONLINE.*"));
        assertThat(page.locator("#results")).not().containsText(inPerson.title().in("en"));
        assertThat(page.locator("#results")).containsText(online.title().in("en"));
        assertThat(page.locator("#format")).isFocused();
        screenshot("events-list-filtered-en");

        // a month the server cannot read: the message sits beside the field, the list still answers
        page.navigate(url("/events?region=" + c.north().slug() + "&month=2031-13"));
        assertThat(page.locator("#month-error")).containsText("YYYY-MM");
        assertThat(page.locator("#month")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#results")).containsText(inPerson.title().in("en"));

        Page arabic = newPage(1280, 900, "ar");
        arabic.navigate(url("/events?lang=ar&region=" + c.north().slug()));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("h1")).hasText("الفعاليات");
        assertThat(arabic.locator("#results")).containsText("الجمعية الإقليمية");
        screenshot(arabic, "events-list-filtered-ar");
        arabic.context().close();

        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url("/events?region=" + c.north().slug() + "&month=bad"));
        assertThat(phone.locator("#month-error")).isVisible();
        Object overflow = phone.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as("horizontal scrolling on a phone").isEqualTo(false);
        screenshot(phone, "events-list-filtered-phone");
        phone.context().close();

        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            for (String path : List.of("/events?region=" + c.north().slug(), "/events?month=2031-13&region=nowhere",
                    "/events?when=past&lang=ar")) {
                target.navigate(url(path));
                assertThat(Accessibility.violations(target)).as("serious accessibility violations on %s", path).isEmpty();
            }
        }
    }

    @Test
    void theArabicEventPageNamesItsHostsAndLinksToTheMap() {
        Corner c = network.corner();
        EventDraft d = EventFixtures.organizedBy(EventFixtures.draft(EventFormat.HYBRID, 5), c.member().id(), List.of(c.partner().id()));
        Event event = fixtures.create(EventFixtures.hostedBy(d, c.body().id()));
        Page arabic = newPage(1280, 900, "ar");
        arabic.navigate(url("/events/" + event.slug() + "?lang=ar"));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator(".event-co-organizers")).hasText(c.partner().name());
        assertThat(arabic.locator(".event-body")).hasText(c.body().name());
        assertThat(arabic.locator(".event-map-link")).hasAttribute("target", "_blank");
        assertThat(arabic.locator(".event-map-link")).hasAttribute("rel", "noopener");
        assertThat(arabic.locator(".event-map-link")).hasText(Pattern.compile("OpenStreetMap"));
        screenshot(arabic, "event-page-hosts-ar");
        arabic.context().close();
    }
}
