package org.convene.campaigns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.util.UUID;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A network admin creates a campaign through the form (a slogan, an action type with guidance and a
 * link), publishes it, and the public page shows it in English, in Arabic (right to left) and on a
 * phone; axe finds no serious violations on the form or the page.
 */
class CampaignPagesBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    CampaignFixtures fixtures;

    @Test
    void aNetworkAdminCreatesAndPublishesACampaignThatThePublicSeesInEnglishArabicAndOnAPhone() {
        // axe is injected into the page, so this context bypasses the Content-Security-Policy (the application's is unchanged)
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 900).setLocale("en-GB"));
        page = context.newPage();
        logIn(staff.networkAdmin());

        page.locator("a[href='/admin/campaigns']").click();
        page.locator("#new-campaign").click();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Day for Clean Rivers " + tag;
        page.locator("#title-en").fill(title);
        page.locator("#title-ar").fill("يوم الأنهار النظيفة " + tag);
        page.locator("#call-en").fill("Gather at your river bank and ask for **clean water** for everyone.");
        page.locator("#call-ar").fill("اجتمعوا على ضفة نهركم واطلبوا **مياهاً نظيفة** للجميع.");
        page.locator("#firstDay").fill(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Lisbon")).plusDays(12).toString());
        page.locator("#timeZone").fill("Europe/Lisbon");
        page.locator("#slogans-0-en").fill("Clean water, clear future");
        // a second slogan, moved to the top: buttons that work without JavaScript (a round trip)
        page.locator("#add-slogan").click();
        page.locator("#slogans-1-en").fill("Rivers belong to everyone");
        page.locator("#slogans-1-ar").fill("الأنهار ملك للجميع");
        page.locator("#slogan-1 button[value='up-1']").click();
        assertThat(page.locator("#slogans-0-en")).hasValue("Rivers belong to everyone");
        assertThat(page.locator("#slogans-1-en")).hasValue("Clean water, clear future");

        page.locator("#chosen-PHOTO_ACTION").check();
        page.locator("#action-type-row-PHOTO_ACTION summary").click();
        page.locator("[id='actionTypes[1].guidance-en']").fill("Hold a sign at the river bank; ask everyone in the picture first.");
        page.locator("#link-PHOTO_ACTION-0-title").fill("Sign template");
        page.locator("#link-PHOTO_ACTION-0-url").fill("ftp://example.org/sign.pdf");
        page.locator("#hashtags").fill("#CleanRiversDay\nclean rivers");
        page.locator("#contactEmail").fill("rivers@example.org");
        page.locator("#save-campaign").click();

        // refused: the errors are next to their fields and nothing was saved
        assertThat(page.locator("#links-error-PHOTO_ACTION")).containsText("http:// or https://");
        assertThat(page.locator("#hashtags-error")).containsText("no spaces");
        assertThat(page.locator("#slogans-0-en")).hasValue("Rivers belong to everyone");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM campaign WHERE title->'values'->>'en' = ?").param(title)
                .query(Integer.class).single()).isZero();
        assertThat(Accessibility.violations(page)).as("violations on the form with errors").isEmpty();
        screenshot("campaign-form-errors");

        page.locator("#link-PHOTO_ACTION-0-url").fill("https://example.org/sign.pdf");
        page.locator("#hashtags").fill("#CleanRiversDay");
        page.locator("#save-campaign").click();
        assertThat(page.locator("[role=status]")).containsText("The campaign has been saved.");

        // a draft: network staff see it with a badge, the public gets 404
        page.locator("#campaign-public-link").click();
        assertThat(page.locator("#campaign-draft-badge")).isVisible();
        String publicPath = java.net.URI.create(page.url()).getPath();
        try (BrowserContext visitor = browser().newContext()) {
            Response response = visitor.newPage().navigate(url(publicPath));
            assertThat(response.status()).isEqualTo(404);
        }

        page.goBack();
        page.locator("#status").selectOption("OPEN");
        page.locator("#save-campaign").click();
        assertThat(page.locator("[role=status]")).containsText("The campaign has been saved.");
        assertThat(Accessibility.violations(page)).as("violations on the form").isEmpty();
        screenshot("campaign-form");

        // toolkit files are accepted by their content: an executable named .pdf is refused, a PDF is kept
        byte[] executable = new byte[256];
        executable[0] = 'M';
        executable[1] = 'Z';
        page.locator("#toolkitTitle").fill("Sign briefing");
        page.locator("#toolkitFile").setInputFiles(new FilePayload("briefing.pdf", "application/pdf", executable));
        page.locator("#toolkit-form button[type=submit]").click();
        assertThat(page.locator("#toolkit-error")).containsText("not accepted");
        assertThat(page.locator("#toolkitTitle")).hasValue("Sign briefing");
        page.locator("#toolkitFile").setInputFiles(new FilePayload("briefing.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        page.locator("#toolkit-form button[type=submit]").click();
        assertThat(page.locator("#toolkit-files")).containsText("Sign briefing");

        try (BrowserContext visitor = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true)
                // no colour transitions: axe would otherwise measure the copy button half-way through its hover fade
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE)
                .setViewportSize(1280, 900).setLocale("en-GB"))) {
            Page english = visitor.newPage();
            english.navigate(url(publicPath));
            assertThat(english.locator("h1")).hasText(title);
            assertThat(english.locator("#campaign-draft-badge")).hasCount(0);
            assertThat(english.locator("#campaign-call strong")).hasText("clean water");
            assertThat(english.locator("#campaign-slogans li").first()).hasText("Rivers belong to everyone");
            assertThat(english.locator("#action-type-PHOTO_ACTION")).containsText("Hold a sign at the river bank");
            assertThat(english.locator("#action-type-PHOTO_ACTION a[href='https://example.org/sign.pdf']")).hasText("Sign template");
            assertThat(english.locator("#hashtag-0")).hasValue("#CleanRiversDay");
            assertThat(english.locator("#action-type-PHOTO_ACTION a[download]")).hasText("Sign briefing");
            assertThat(english.locator("#campaign-countdown")).containsText("12 days");
            assertThat(english.locator("#campaign-actions a[href$='/actions/new']")).isVisible();
            assertThat(english.locator("#campaign-footage a[href$='/footage/new']")).isVisible();
            assertThat(english.locator("link[rel=alternate][hreflang=ar]")).hasCount(1);
            // the copy button appears with JavaScript and copies in one click
            english.context().grantPermissions(java.util.List.of("clipboard-read", "clipboard-write"));
            english.locator("button[data-copy='#hashtag-0']").click();
            assertThat(english.locator("button[data-copy='#hashtag-0']")).hasText("Copied");
            assertThat(english.evaluate("navigator.clipboard.readText()")).isEqualTo("#CleanRiversDay");
            assertThat(Accessibility.violations(english)).as("violations on the campaign page").isEmpty();
            screenshot(english, "campaign-page-en");

            Page arabic = visitor.newPage();
            arabic.navigate(url(publicPath + "?lang=ar"));
            assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
            assertThat(arabic.locator("h1")).hasText("يوم الأنهار النظيفة " + tag);
            assertThat(arabic.locator("#campaign-call")).hasAttribute("lang", "ar");
            assertThat(arabic.locator("#campaign-slogans li").first()).hasText("الأنهار ملك للجميع");
            // the second slogan has no Arabic text: shown in English, marked as such
            assertThat(arabic.locator("#campaign-slogans li").nth(1)).hasAttribute("lang", "en");
            assertThat(arabic.locator("#campaign-actions-heading")).hasText("الأنشطة المحلية");
            assertThat(Accessibility.violations(arabic)).as("violations on the Arabic campaign page").isEmpty();
            screenshot(arabic, "campaign-page-ar");
        }

        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url(publicPath));
        assertThat(phone.locator("h1")).hasText(title);
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
        screenshot(phone, "campaign-page-phone");
        phone.context().close();
    }
}
