package org.convene.newsletter.subscribers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.convene.events.MemberNetworkFixtures;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.newsletter.internal.NewsletterLinks;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader subscribes, confirms from the mail, changes preferences and leaves with one click; staff see the list. */
class NewsletterSubscribersBrowserTest extends BrowserTest {

    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    NewsletterLinks links;
    @Autowired
    MemberNetworkFixtures network;
    @Autowired
    TestStaff staff;

    private String status(String email) {
        return fixtures.jdbc().sql("SELECT status FROM subscriber WHERE lower(email) = lower(:e)").param("e", email).query(String.class).single();
    }

    private String local(String link) {
        return url(java.net.URI.create(link).getRawPath());
    }

    private String lastLink(String email, String prefix) {
        List<NewsletterHttp.Mail> mails = NewsletterHttp.mailsTo(fixtures.jdbc(), email);
        assertThat(mails).isNotEmpty();
        return mails.getLast().linkPath(prefix);
    }

    @Test
    void subscribeConfirmChangePreferencesAndUnsubscribe() {
        var corner = network.corner();
        String email = NewsletterFixtures.uniqueEmail("browser");

        page.navigate(url("/newsletter"));
        assertThat(page.locator("h1")).hasText("Subscribe to our newsletter");
        page.locator("#email").fill(email);
        page.locator("#name").fill("Nadia Reader");
        page.locator("#regionId").selectOption(String.valueOf(corner.north().id()));
        page.getByLabel("Statements").uncheck();
        screenshot("newsletter-subscribe-en");
        page.locator("#subscribe").click();
        page.waitForURL("**/newsletter/check-your-inbox");
        assertThat(page.locator("#subscribe-sent")).containsText("a mail is on its way");
        assertThat(status(email)).isEqualTo("PENDING");
        assertThat(NewsletterHttp.mailsTo(fixtures.jdbc(), email)).hasSize(1);

        page.navigate(url(lastLink(email, "/newsletter/confirm/")));
        assertThat(page.locator("#subscribe-confirmed")).isVisible();
        assertThat(status(email)).isEqualTo("SUBSCRIBED");

        // links in pages and mails carry the configured base URL; the test server listens elsewhere
        page.navigate(local(page.locator("#preferences-link").getAttribute("href")));
        assertThat(page.locator("#preferences-address")).containsText(email);
        assertThat(page.locator("#regionId")).hasValue(String.valueOf(corner.north().id()));
        page.locator("#language").selectOption("es");
        page.getByLabel("Campaigns").uncheck();
        page.locator("#save-preferences").click();
        assertThat(page.locator("#preferences-notice")).isVisible();
        assertThat(fixtures.jdbc().sql("SELECT language || topics::text FROM subscriber WHERE email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("es{events,partner-media}");
        page.locator("#pause").click();
        assertThat(page.locator("#preferences-notice")).containsText("paused");
        assertThat(status(email)).isEqualTo("PAUSED");
        page.locator("#resume").click();
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
        screenshot("newsletter-preferences-en");

        // the unsubscribe link of a newsletter: a GET shows one button and changes nothing
        long id = fixtures.jdbc().sql("SELECT id FROM subscriber WHERE email = :e").param("e", email).query(Long.class).single();
        page.navigate(local(links.unsubscribeUrl(id)));
        assertThat(page.locator("#unsubscribe")).isVisible();
        assertThat(status(email)).isEqualTo("SUBSCRIBED");
        page.locator("#unsubscribe").click();
        assertThat(page.locator("#unsubscribed")).isVisible();
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
        screenshot("newsletter-unsubscribed-en");
    }

    @Test
    void aMailClientUnsubscribesWithOneClickPost() {
        String email = NewsletterFixtures.uniqueEmail("mail-client");
        long id = fixtures.subscribed(email, "en");
        NewsletterHttp client = new NewsletterHttp(port);
        HttpResponse<String> response = client.send(client.request(java.net.URI.create(links.unsubscribeUrl(id)).getRawPath())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void theEmbeddedFormFetchesItsTokenWhenUsed() {
        String email = NewsletterFixtures.uniqueEmail("embedded");
        page.navigate(url("/newsletter/form"));
        assertThat(page.locator("[data-newsletter-nojs]")).isHidden();
        assertThat(context.cookies()).isEmpty();
        page.locator("#nl-email").fill(email);
        page.locator("#nl-language").selectOption("fr");
        page.locator("form[data-newsletter-form] button[type=submit]").click();
        page.waitForURL("**/newsletter/check-your-inbox");
        assertThat(status(email)).isEqualTo("PENDING");
        assertThat(fixtures.jdbc().sql("SELECT consent_source FROM subscriber WHERE email = :e").param("e", email).query(String.class).single())
                .isEqualTo("form:/newsletter/form");
    }

    @Test
    void inArabicOnAPhoneAndForAxe() {
        Page arabic = newPage(1280, 900, "ar");
        arabic.navigate(url("/newsletter?lang=ar"));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("h1")).hasText("اشترك في نشرتنا الإخبارية");
        screenshot(arabic, "newsletter-subscribe-ar");
        arabic.locator("#email").fill("not an address");
        arabic.locator("#subscribe").click();
        assertThat(arabic.locator("#email-error")).containsText("أدخل عنوان بريد إلكتروني صالحًا");
        screenshot(arabic, "newsletter-subscribe-error-ar");
        String email = NewsletterFixtures.uniqueEmail("arabic");
        long id = fixtures.subscribed(email, "ar");
        arabic.navigate(local(links.preferencesUrl(id)) + "?lang=ar");
        assertThat(arabic.locator("h1")).hasText("تفضيلاتك للنشرة الإخبارية");
        screenshot(arabic, "newsletter-preferences-ar");
        arabic.context().close();

        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url("/newsletter"));
        assertThat(phone.locator("#email")).isVisible();
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot(phone, "newsletter-subscribe-phone");
        phone.navigate(local(links.unsubscribeUrl(id)));
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot(phone, "newsletter-unsubscribe-phone");
        phone.context().close();

        try (BrowserContext axeContext = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 900))) {
            Page axe = axeContext.newPage();
            for (String path : List.of("/newsletter", "/newsletter?lang=ar", "/newsletter/check-your-inbox", "/newsletter/confirm/changed-link",
                    java.net.URI.create(links.preferencesUrl(id)).getRawPath(), java.net.URI.create(links.unsubscribeUrl(id)).getRawPath())) {
                axe.navigate(url(path));
                assertThat(Accessibility.violations(axe)).as(path).isEmpty();
            }
        }
    }

    @Test
    void staffSeeTheListImportAndSuppressions() {
        fixtures.subscribed(NewsletterFixtures.uniqueEmail("listed"), "fr");
        logIn(staff.networkAdmin());
        page.navigate(url("/admin/newsletter/subscribers"));
        assertThat(page.locator("h1")).hasText("Newsletter subscribers");
        page.locator("#segmentLanguages").selectOption("fr");
        page.locator("#preview-segment").click();
        assertThat(page.locator("#segment-recipients")).containsText("recipient");
        screenshot("newsletter-subscribers-admin");

        page.navigate(url("/admin/newsletter/subscribers/import"));
        page.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("list.csv", "text/csv",
                ("email,name,language,region,topics\n" + NewsletterFixtures.uniqueEmail("ok") + ",Ok,en,,\nbroken,Bad,en,,\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("#source").fill("Sign-up sheet");
        page.locator("#consentText").fill("Send me the newsletter");
        page.locator("#import").click();
        assertThat(page.locator("#import-errors")).containsText("Row 3");
        screenshot("newsletter-import-errors");

        page.navigate(url("/admin/newsletter/suppressions"));
        page.locator("#email").fill(NewsletterFixtures.uniqueEmail("by-hand"));
        page.locator("#add-suppression").click();
        assertThat(page.locator("#suppressions-notice")).isVisible();
        screenshot("newsletter-suppressions");

        try (BrowserContext axeContext = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 900))) {
            Page axe = axeContext.newPage();
            TestStaff.Login admin = staff.networkAdmin();
            axe.navigate(url("/login"));
            axe.locator("#email").fill(admin.email());
            axe.locator("#password").fill(admin.password());
            axe.locator("main form button[type=submit]").click();
            axe.waitForURL("**/admin**");
            for (String path : List.of("/admin/newsletter/subscribers?preview=1", "/admin/newsletter/subscribers/import",
                    "/admin/newsletter/suppressions")) {
                axe.navigate(url(path));
                assertThat(Accessibility.violations(axe)).as(path).isEmpty();
            }
        }
    }
}
