package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.registrationJson;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.convene.accounts.StaffRole;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The registrant list in a real browser: search as you type (htmx), English, Arabic and a phone, without accessibility violations. */
class RegistrantListBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    EventFixtures fixtures;

    private void logIn(Page target, TestStaff.Login login) {
        target.navigate(url("/login"));
        target.locator("#email").fill(login.email());
        target.locator("#password").fill(login.password());
        target.locator("main form button[type=submit]").click();
        target.waitForURL("**/admin**");
    }

    @Test
    void organizersSearchTheListAsTheyType() {
        long org = 500_000 + (long) (Math.random() * 100_000);
        long referrer = fixtures.memberOrganization("Coastal Network");
        Event event = fixtures.publishedBy(org, EventFormat.HYBRID, 2);
        String[][] people = {{"Amina Yusuf", "IN_PERSON"}, {"Bilal Haddad", "IN_PERSON"}, {"Carmen Ortiz", "IN_PERSON"},
                {"ليلى حداد", "ONLINE"}, {"Dewi Lestari", "ONLINE"}};
        for (String[] p : people) {
            String json = registrationJson(p[0], uniqueEmail(p[0].split(" ")[0].toLowerCase()), p[1]);
            if (p[0].startsWith("Dewi")) {
                json = json.replace("}", ",\"referral\":\"" + referrer + "\"}");
            }
            fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations", json);
        }
        TestStaff.Login editor = staff.create(StaffRole.ORG_EDITOR, org);
        logIn(page, editor);
        page.navigate(url("/admin/events"));
        page.locator("a[href='/admin/events/" + event.id() + "/registrations']").click();
        assertThat(page.locator("#registrant-total")).hasText("5 registrations");
        assertThat(page.locator(".registrant-table")).containsText("Waitlisted (no. 1)");
        assertThat(page.locator(".registrant-table")).containsText("Coastal Network");
        screenshot("events-registrants");

        page.locator("#q").fill("hadd");
        assertThat(page.locator("#registrant-total")).hasText("1 registration");
        assertThat(page.locator(".registrant-table")).containsText("Bilal Haddad");
        assertThat(page.locator(".registrant-table")).not().containsText("Amina");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=hadd.*"));
        page.locator("#q").fill("");
        page.locator("#attendance").selectOption("ONLINE");
        assertThat(page.locator("#registrant-total")).hasText("2 registrations");
        screenshot("events-registrants-filtered");

        page.navigate(url("/admin/events/" + event.id() + "/registrations?lang=ar"));
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        page.locator("#q").fill("حداد");
        assertThat(page.locator(".registrant-table")).containsText("ليلى حداد");
        page.locator("#q").fill("");
        assertThat(page.locator(".registrant-table tbody tr")).hasCount(5);
        screenshot("events-registrants-ar");

        Page phone = newPage(390, 844, "en-GB");
        logIn(phone, editor);
        phone.navigate(url("/admin/events/" + event.id() + "/registrations?lang=en"));
        assertThat(phone.locator("h1")).isVisible();
        Object overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        screenshot(phone, "events-registrants-phone");
        phone.context().close();

        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            logIn(target, editor);
            for (String path : new String[] {"/registrations?lang=en", "/registrations?lang=ar", "/registrations/message?lang=en"}) {
                target.navigate(url("/admin/events/" + event.id() + path));
                assertThat(Accessibility.violations(target)).as("violations on %s", path).isEmpty();
            }
            target.locator("main button[type=submit]").last().click();
            target.locator("#subject-error").waitFor();
            assertThat(Accessibility.violations(target)).as("violations on the message form with errors").isEmpty();
            screenshot(target, "events-registrants-message-errors");
        }
    }

    @Test
    void aReferralLinkAsksForConsentAndTheReferrerSeesOnlyThoseWhoAgreed() {
        long referrer = fixtures.memberOrganization("Delta Youth Forum");
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        page.navigate(url("/events/" + event.slug() + "?via=" + referrer + "&lang=ar"));
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("#referralConsent1")).not().isChecked();
        assertThat(page.locator("label[for=referralConsent1]")).containsText("Delta Youth Forum");
        screenshot("events-referral-consent-ar");
        page.locator("#name").fill("سلمى يوسف");
        page.locator("#email").fill(uniqueEmail("salma"));
        page.locator("#referralConsent1").check();
        page.locator(".registration-form button[type=submit]").click();
        assertThat(page.locator("#registration-result")).isVisible();

        page.navigate(url("/events/" + event.slug() + "?via=" + referrer + "&lang=en"));
        page.locator("#name").fill("Tomas Silva");
        page.locator("#email").fill(uniqueEmail("tomas"));
        page.locator(".registration-form button[type=submit]").click();
        assertThat(page.locator("#registration-result")).isVisible();

        Page referrerPage = newPage(1280, 900, "en-GB");
        logIn(referrerPage, staff.create(StaffRole.ORG_EDITOR, referrer));
        referrerPage.navigate(url("/admin/referrals"));
        referrerPage.locator("a[href='/admin/events/" + event.id() + "/referrals']").click();
        assertThat(referrerPage.locator("#referral-count")).containsText("2 registrations through your link");
        assertThat(referrerPage.locator("#consented")).containsText("سلمى يوسف");
        assertThat(referrerPage.locator("#consented")).not().containsText("Tomas");
        screenshot(referrerPage, "events-referrals-of-organization");
        referrerPage.context().close();
    }
}
