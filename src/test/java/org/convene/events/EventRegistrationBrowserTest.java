package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Supporters register on the event page, manage it through their personal link, and read it in Arabic and on a phone. */
class EventRegistrationBrowserTest extends BrowserTest {

    @Autowired
    EventFixtures fixtures;

    private void registerInPerson(Page target, Event event, String name, String email) {
        target.navigate(url("/events/" + event.slug()));
        target.locator("#name").fill(name);
        target.locator("#email").fill(email);
        if (event.format() == EventFormat.HYBRID) {
            target.getByLabel("In person", new Page.GetByLabelOptions().setExact(true)).check();
        }
        target.locator(".registration-form button[type=submit]").click();
    }

    @Test
    void registerInPersonThroughTheFormAndSeeTheConfirmation() {
        Event event = fixtures.published(EventFormat.HYBRID, 5);
        page.navigate(url("/events/" + event.slug()));
        page.locator(".registration-form button[type=submit]").click();
        assertThat(page.locator("#name-error")).containsText("required");
        assertThat(page.locator("#email-error")).containsText("required");
        page.locator("#email").fill("not-an-address");
        page.locator(".registration-form button[type=submit]").click();
        assertThat(page.locator("#email-error")).containsText("valid e-mail");
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", event.id())).isZero();

        String email = uniqueEmail("rosa");
        registerInPerson(page, event, "Rosa Mwangi", email);
        assertThat(page.locator("#registration-result")).containsText("You are registered and have a seat.");
        screenshot("events-registered");

        // the same e-mail again: nothing new
        registerInPerson(page, event, "Rosa M.", email);
        assertThat(page.locator("#registration-result")).containsText("already registered");
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE event_id = ?", event.id())).isEqualTo(1);
        assertThat(fixtures.mailsTo(email)).hasSize(1);
    }

    @Test
    void cancellingThroughThePersonalLinkPromotesTheFirstOnTheWaitlist() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        String first = uniqueEmail("omar");
        String second = uniqueEmail("yuki");
        registerInPerson(page, event, "Omar Haddad", first);
        assertThat(page.locator("#registration-result")).containsText("have a seat");
        registerInPerson(page, event, "Yuki Tanaka", second);
        assertThat(page.locator("#registration-result")).containsText("You are number 1 on the waitlist");

        page.navigate(url(fixtures.personalPath(second)));
        assertThat(page.locator("#registration-status")).containsText("On the waitlist");
        assertThat(page.locator("#registration-status")).containsText("number 1 in line");

        page.navigate(url(fixtures.personalPath(first)));
        assertThat(page.locator("#registration-status")).containsText("Confirmed");
        screenshot("events-personal-page");
        page.locator("text=Cancel my registration").click();
        assertThat(page.locator("[role=status]")).containsText("Your registration is cancelled.");
        assertThat(page.locator("#registration-status")).containsText("Cancelled");

        page.navigate(url(fixtures.personalPath(second)));
        assertThat(page.locator("#registration-status")).containsText("Confirmed");
        assertThat(fixtures.mailsTo(second).getLast()[0]).startsWith("A seat is yours");
        screenshot("events-promoted");
    }

    @Test
    void arabicEventPageIsRightToLeftAndShowsTheArabicTitle() {
        Event event = fixtures.published(EventFormat.HYBRID, 5);
        page.navigate(url("/events/" + event.slug() + "?lang=ar"));
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("h1")).hasText("الجمعية الإقليمية");
        assertThat(page.locator("h1")).hasAttribute("lang", "ar");
        assertThat(page.locator("#registration")).hasText("التسجيل");
        assertThat(page.locator(".event-facts")).containsText("حضوري وعبر الإنترنت");
        screenshot("events-page-ar");
    }

    @Test
    void phoneSizedEventPageAndTimesInTheReadersZone() {
        Event event = fixtures.published(EventFormat.HYBRID, 5);
        BrowserContext phoneContext = BrowserTest.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("en-GB").setTimezoneId("America/New_York"));
        Page phone = phoneContext.newPage();
        phone.navigate(url("/events/" + event.slug()));
        assertThat(phone.locator("h1")).isVisible();
        assertThat(phone.locator(".reader-time")).isVisible();
        assertThat(phone.locator(".reader-time")).containsText("In your time zone:");
        Object overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        screenshot(phone, "events-page-phone");
        phoneContext.close();

        // a reader in the event's own zone needs no second line
        BrowserContext lisbon = BrowserTest.browser().newContext(new Browser.NewContextOptions().setTimezoneId("Europe/Lisbon"));
        Page local = lisbon.newPage();
        local.navigate(url("/events/" + event.slug()));
        assertThat(local.locator(".reader-time")).isHidden();
        lisbon.close();
    }
}
