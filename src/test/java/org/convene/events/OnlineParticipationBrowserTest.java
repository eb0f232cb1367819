package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.MeetingLink;
import org.convene.events.internal.MeetingLinks;
import org.convene.events.internal.RegistrationLinks;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Online registrants find their join link on their personal page, wait for the room, and in-person registrants confirm or cancel. */
class OnlineParticipationBrowserTest extends BrowserTest {

    @Autowired
    EventFixtures fixtures;
    @Autowired
    MeetingLinks meetingLinks;
    @Autowired
    RegistrationLinks links;
    @Autowired
    TestStaff staff;

    private long register(Event event, String email, String attendance) {
        HttpResponse<String> response = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                registrationJson("Person " + email.substring(0, 6), email, attendance));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RegistrationApiTest.id(response.body());
    }

    private void startsIn(Event event, Duration startsIn) {
        fixtures.jdbc().sql("UPDATE event SET starts_at = now() + make_interval(secs => :s), ends_at = now() + make_interval(secs => :s) + interval '2 hours' WHERE id = :id")
                .param("s", startsIn.toMillis() / 1000.0).param("id", event.id()).update();
    }

    /** Serious accessibility problems of a public page (axe needs a context that lets it past the CSP). */
    private java.util.List<String> axe(String path) {
        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page checked = axeContext.newPage();
            checked.navigate(url(path));
            return Accessibility.violations(checked);
        }
    }

    @Test
    void registerOnlineAndFindTheJoinLinkOnlyOnThePersonalPage() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String email = uniqueEmail("malak");
        page.navigate(url("/events/" + event.slug()));
        page.locator("#name").fill("Malak Saleh");
        page.locator("#email").fill(email);
        page.locator(".registration-form button[type=submit]").click();
        assertThat(page.locator("#registration-result")).containsText("take part online");
        assertThat(page.content()).doesNotContain("/join/");

        page.navigate(url(fixtures.personalPath(email)));
        assertThat(page.locator("#join-online")).isVisible();
        assertThat(page.locator("#join-online a")).hasAttribute("href", Pattern.compile("^/join/[A-Za-z0-9_-]{32}$"));
        assertThat(page.locator("a[href$='/event.ics']")).isVisible();
        assertThat(axe(fixtures.personalPath(email))).isEmpty();
        screenshot("events-online-personal-page");

        page.locator("#join-online a").click();
        assertThat(page.locator("h1")).containsText(event.title().in("en"));
        assertThat(page.locator(".join-countdown-value")).isVisible();
    }

    @Test
    void theWaitingPageCountsDownAndLetsTheRegistrantInWhenTheRoomOpens() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        long id = register(event, uniqueEmail("jun"), "ONLINE");
        // the room is this application's event list, so that the redirect can be followed without the internet
        meetingLinks.add(event.id(), new MeetingLink.Draft(url("/events"), null, null));
        startsIn(event, Duration.ofMinutes(15).plusSeconds(4));

        page.navigate(url("/join/" + links.joinToken(id)));
        assertThat(page.locator(".join-countdown-value")).hasText(Pattern.compile("0:00:0[0-9]"));
        page.waitForURL(url("/events"), new Page.WaitForURLOptions().setTimeout(15_000));
        assertThat(fixtures.count("SELECT count(*) FROM online_attendance WHERE registration_id = ?", id)).isEqualTo(1);
    }

    @Test
    void waitingPageInEnglishAndArabicOnAPhone() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        long id = register(event, uniqueEmail("rania"), "ONLINE");
        meetingLinks.add(event.id(), new MeetingLink.Draft("https://meet.example.org/plenary", null, null));
        startsIn(event, Duration.ofHours(2).plusMinutes(17));
        String join = url("/join/" + links.joinToken(id));

        page.navigate(join);
        assertThat(page.locator(".join-countdown-value")).hasText(Pattern.compile("2:0[0-9]:[0-5][0-9]"));
        assertThat(axe("/join/" + links.joinToken(id))).isEmpty();
        assertThat(axe("/join/" + links.joinToken(id) + "?lang=ar")).isEmpty();
        screenshot("events-join-waiting");

        BrowserContext phoneContext = BrowserTest.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setLocale("en-GB").setTimezoneId("Asia/Jakarta"));
        Page phone = phoneContext.newPage();
        phone.navigate(join);
        assertThat(phone.locator(".reader-opening")).containsText("In your time zone:");
        assertThat(phone.locator(".reader-opening")).containsText("Western Indonesia");
        assertThat(phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        screenshot(phone, "events-join-waiting-phone");

        phone.navigate(join + "?lang=ar");
        assertThat(phone.locator("html")).hasAttribute("dir", "rtl");
        assertThat(phone.locator(".join-countdown")).containsText("يُفتح بعد");
        assertThat(phone.locator(".join-countdown-value")).hasText(Pattern.compile("2:0[0-9]:[0-5][0-9]"));
        assertThat(phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        screenshot(phone, "events-join-waiting-phone-ar");
        phoneContext.close();
    }

    @Test
    void confirmAndCancelLinksOnlyShowAPageAndItsButtonDoesIt() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 1);
        String seated = uniqueEmail("hana");
        String waiting = uniqueEmail("ivan");
        long seatedId = register(event, seated, "IN_PERSON");
        long waitingId = register(event, waiting, "IN_PERSON");
        String personal = links.path(seatedId);

        // what a mail scanner does: open both links, changing nothing
        assertThat(fixtures.get(port, personal + "/confirm").statusCode()).isEqualTo(200);
        assertThat(fixtures.get(port, personal + "/cancel").statusCode()).isEqualTo(200);
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED' AND attendance_confirmed_at IS NULL", seatedId)).isEqualTo(1);
        // and a POST without the CSRF token is refused
        assertThat(fixtures.postJson(port, personal + "/confirm", "{}").statusCode()).isEqualTo(403);

        page.navigate(url(personal + "/confirm"));
        assertThat(page.locator("h1")).hasText("Will you come?");
        assertThat(axe(personal + "/confirm")).isEmpty();
        screenshot("events-confirm-page");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("you have confirmed that you will come");
        assertThat(page.locator("#attendance-confirmed")).isVisible();
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE id = ? AND attendance_confirmed_at IS NOT NULL", seatedId)).isEqualTo(1);

        page.navigate(url(personal + "/cancel"));
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("Your registration is cancelled.");
        assertThat(fixtures.count("SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'", waitingId)).isEqualTo(1);

        // a cancelled registration cannot confirm any more
        page.navigate(url(personal + "/confirm"));
        assertThat(page.locator("#check-refused")).isVisible();
        assertThat(page.locator("main form button[type=submit]")).hasCount(0);
    }

    @Test
    void staffAddMeetingRoomsOnTheEventsOnlinePageWithErrorsBesideTheField() {
        Event event = fixtures.published(EventFormat.HYBRID, 10);
        TestStaff.Login admin = staff.networkAdmin();
        // a context that lets axe past the CSP, for the accessibility check of this staff page
        BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true));
        Page page = axeContext.newPage();
        page.navigate(url("/login"));
        page.locator("#email").fill(admin.email());
        page.locator("#password").fill(admin.password());
        page.locator("main form button[type=submit]").click();
        page.waitForURL("**/admin**");

        page.navigate(url("/admin/events/" + event.id()));
        page.locator("#event-online-link").click();
        assertThat(page.locator("h1")).hasText("Online participation");
        assertThat(page.locator("#no-meeting-links")).isVisible();

        page.locator("#url").fill("http://meet.example.org/plenary");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("#url-error")).containsText("https://");
        assertThat(page.locator("#url")).hasAttribute("aria-invalid", "true");

        page.locator("#url").fill("https://meet.example.org/plenary");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("[role=status]")).containsText("added");
        assertThat(page.locator(".meeting-url")).hasText("https://meet.example.org/plenary");

        page.locator("#url").fill("https://meet.example.org/overflow");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("#validFrom-error")).containsText("overlaps");
        assertThat(Accessibility.violations(page)).isEmpty();
        screenshot(page, "events-admin-online");
        assertThat(meetingLinks.of(event)).hasSize(1);
        axeContext.close();
    }
}
