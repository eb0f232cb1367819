package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.convene.accounts.StaffRole;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff create and edit events; organization staff only for their own organization. */
class EventAdminBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    EventFixtures fixtures;

    @Test
    void organizationEditorCreatesAnEventAndBadTimesOrZonesAreShownNextToTheirFields() {
        long org = 40_000 + (long) (Math.random() * 10_000);
        logIn(staff.create(StaffRole.ORG_EDITOR, org));
        page.navigate(url("/admin/events/new"));
        assertThat(page.locator("#organizationId")).hasValue(String.valueOf(org));

        String title = "Coordinating committee " + java.util.UUID.randomUUID().toString().substring(0, 6);
        page.locator("#title-en").fill(title);
        page.locator("#description-en").fill("The committee reviews the joint calendar.");
        page.locator("#format").selectOption("HYBRID");
        page.locator("#startsAt").fill("2031-03-04T10:00");
        page.locator("#endsAt").fill("2031-03-04T09:00");
        page.locator("#timeZone").fill("Mars/Olympus_Mons");
        page.locator("#venueName").fill("Harbour Hall");
        page.locator("#capacity").fill("40");
        page.locator("#status").selectOption("PUBLISHED");
        page.locator("main form button[type=submit]").last().click();

        assertThat(page.locator("#timeZone-error")).containsText("known time zone");
        assertThat(page.locator("#timeZone")).hasAttribute("aria-invalid", "true");
        page.locator("#timeZone").fill("Africa/Nairobi");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("#endsAt-error")).containsText("end must be after the start");
        assertThat(fixtures.count("SELECT count(*) FROM event WHERE title->'values'->>'en' = ?", title)).isZero();
        screenshot("events-admin-errors");

        page.locator("#endsAt").fill("2031-03-04T12:30");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("[role=status]")).containsText("The event has been saved.");
        assertThat(page.locator("#event-counts")).containsText("0 of 40 seats taken");
        screenshot("events-admin-saved");

        page.locator("text=Open the public page").click();
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator(".event-facts")).containsText("10:00");
        assertThat(page.locator(".event-facts")).containsText("#" + org);
        assertThat(page.locator(".event-facts")).containsText("Nairobi");
    }

    @Test
    void organizationStaffCannotTouchAnotherOrganizationsEventsButNetworkAdminsCan() {
        long own = 50_000 + (long) (Math.random() * 10_000);
        EventDraft d = EventFixtures.draft(EventFormat.IN_PERSON, 5);
        Event other = fixtures.create(new EventDraft(d.title(), d.description(), own + 1, d.format(), d.startsAt(), d.endsAt(),
                d.timeZone(), d.venueName(), d.venueAddress(), d.venueDirections(), d.accessibility(), 5, null, null, d.status()));

        logIn(staff.create(StaffRole.ORG_ADMIN, own));
        Response response = page.navigate(url("/admin/events/" + other.id()));
        assertThat(response.status()).isEqualTo(403);
        page.navigate(url("/admin/events"));
        assertThat(page.locator("main")).not().containsText(other.title().in("en"));

        // posting an event for another organization (or for the whole network) is refused too
        page.navigate(url("/admin/events/new"));
        // the form offers only their own organization; a changed form names the network
        page.locator("#organizationId").evaluate("s => { s.add(new Option('', '')); s.value = ''; }");
        page.locator("#title-en").fill("Network-wide meeting");
        page.locator("#startsAt").fill("2031-05-01T10:00");
        page.locator("#endsAt").fill("2031-05-01T11:00");
        page.locator("#venueName").fill("Hall");
        Response refused = page.waitForResponse(r -> r.url().endsWith("/admin/events") && "POST".equals(r.request().method()),
                () -> page.locator("main form button[type=submit]").last().click());
        assertThat(refused.status()).isEqualTo(403);

        context.clearCookies();
        logIn(staff.networkAdmin());
        assertThat(page.navigate(url("/admin/events/" + other.id())).status()).isEqualTo(200);
        assertThat(page.locator("#title-en")).hasValue(other.title().in("en"));
        page.navigate(url("/admin/events"));
        assertThat(page.locator("main")).containsText(other.title().in("en"));
    }

    @Test
    void anonymousVisitorsAreSentToLogIn() {
        page.navigate(url("/admin/events/new"));
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    }
}
