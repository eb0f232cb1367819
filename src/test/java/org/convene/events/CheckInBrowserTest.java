package org.convene.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.uniqueEmail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convene.events.internal.Attendance;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.Registration;
import org.convene.events.internal.Registrations;
import org.convene.events.internal.TicketCodes;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Door staff on a phone type ticket codes: admitted once, then "already used"; in English and Arabic. */
class CheckInBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Registrations registrations;

    private String code(Registration registration) {
        return fixtures.jdbc().sql("SELECT ticket_code FROM registration WHERE id = :id").param("id", registration.id())
                .query(String.class).single();
    }

    private Page phone(String locale, List<String> problems) {
        Page phone = newPage(390, 844, locale);
        phone.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
        TestStaff.Login login = staff.networkAdmin();
        phone.navigate(url("/login"));
        phone.locator("#email").fill(login.email());
        phone.locator("#password").fill(login.password());
        phone.locator("main form button[type=submit]").click();
        phone.waitForURL("**/admin**");
        return phone;
    }

    @Test
    void doorStaffTypeACodeOnAPhoneAndTheSameCodeAgainIsRefusedWithWhenItWasUsed() {
        Event event = fixtures.published(EventFormat.HYBRID, 5);
        Registration amara = registrations.register(event.id(), "Amara Nwosu", uniqueEmail("amara"), Attendance.IN_PERSON, Locale.ENGLISH).registration();
        registrations.register(event.id(), "Online Person", uniqueEmail("online"), Attendance.ONLINE, Locale.ENGLISH);
        String code = TicketCodes.grouped(code(amara));
        List<String> problems = new ArrayList<>();
        Page phone = phone("en-GB", problems);
        phone.navigate(url("/admin/events/" + event.id() + "/check-in"));
        assertThat(phone.locator("#count-registered")).hasText("1");
        assertThat(phone.locator("#count-online")).hasText("1");
        assertThat(phone.locator("#count-checked-in")).hasText("0");

        phone.locator("#code").fill(code.toLowerCase(Locale.ROOT));
        phone.locator("#check-in-form button[type=submit]").click();
        assertThat(phone.locator(".check-in-ok")).containsText("Welcome in");
        assertThat(phone.locator(".check-in-ok")).containsText("Amara Nwosu");
        assertThat(phone.locator("#code")).hasValue("");
        assertThat(phone.locator("#count-checked-in")).hasText("1");
        screenshot(phone, "check-in-admitted-phone");

        phone.locator("#code").fill(code);
        phone.locator("#check-in-form button[type=submit]").click();
        assertThat(phone.locator(".check-in-refused")).containsText("Not admitted");
        assertThat(phone.locator(".check-in-refused")).containsText("Already used at");
        assertThat(phone.locator(".check-in-refused")).containsText("by Test network_admin");
        screenshot(phone, "check-in-already-used-phone");

        phone.locator("#code").fill("ABC");
        phone.locator("#check-in-form button[type=submit]").click();
        assertThat(phone.locator(".check-in-refused")).containsText("not a ticket code");
        // the page fits the phone: nothing wider than the viewport
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        assertThat(problems).as("console errors (CSP, scripts)").isEmpty();
        phone.context().close();
    }

    @Test
    void withoutJavaScriptTheFormIsAPlainPostAndArabicIsRightToLeft() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        Registration layla = registrations.register(event.id(), "ليلى حداد", uniqueEmail("layla"), Attendance.IN_PERSON, Locale.ENGLISH).registration();
        List<String> problems = new ArrayList<>();
        Page phone = phone("ar", problems);
        phone.navigate(url("/admin/events/" + event.id() + "/check-in?lang=ar"));
        assertThat(phone.locator("html")).hasAttribute("dir", "rtl");
        phone.locator("#code").fill(code(layla));
        phone.locator("#check-in-form button[type=submit]").click();
        assertThat(phone.locator(".check-in-ok")).containsText("ليلى حداد");
        phone.locator("#code").fill(code(layla));
        phone.locator("#check-in-form button[type=submit]").click();
        assertThat(phone.locator(".check-in-refused")).containsText("استُخدمت بالفعل");
        screenshot(phone, "check-in-already-used-phone-ar");
        phone.context().close();

        try (BrowserContext noScript = browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setViewportSize(390, 844))) {
            Page plain = noScript.newPage();
            TestStaff.Login login = staff.networkAdmin();
            plain.navigate(url("/login"));
            plain.locator("#email").fill(login.email());
            plain.locator("#password").fill(login.password());
            plain.locator("main form button[type=submit]").click();
            plain.waitForURL("**/admin**");
            plain.navigate(url("/admin/events/" + event.id() + "/check-in"));
            plain.locator("#code").fill(code(layla));
            plain.locator("#check-in-form button[type=submit]").click();
            assertThat(plain.locator(".check-in-refused")).containsText("Already used at");
            assertThat(plain.locator("#count-checked-in")).hasText("1");
        }
    }

    @Test
    void thePrintableTicketHasTheCodeAndAReadableQrImage() {
        Event event = fixtures.published(EventFormat.IN_PERSON, 5);
        String email = uniqueEmail("tomas");
        Registration tomas = registrations.register(event.id(), "Tomás Reyes", email, Attendance.IN_PERSON, Locale.ENGLISH).registration();
        String path = fixtures.personalPath(email);
        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url(path));
        phone.locator("text=Open the printable ticket").click();
        assertThat(phone.locator("#ticket-code")).hasText(TicketCodes.grouped(code(tomas)));
        phone.waitForLoadState();
        assertThat((Boolean) phone.evaluate("() => document.querySelector('.ticket-qr').naturalWidth > 0")).isTrue();
        screenshot(phone, "ticket-phone");
        phone.navigate(url(path + "/ticket?lang=ar"));
        screenshot(phone, "ticket-phone-ar");
        phone.context().close();

        try (BrowserContext axe = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axe.newPage();
            target.navigate(url(path + "/ticket"));
            assertThat(Accessibility.violations(target)).isEmpty();
            target.navigate(url(path));
            assertThat(Accessibility.violations(target)).isEmpty();
        }
    }
}
