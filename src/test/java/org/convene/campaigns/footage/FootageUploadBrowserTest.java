package org.convene.campaigns.footage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sending footage in a real browser: a photo carrying EXIF GPS chosen with the file picker and a
 * second one dropped on the page, both sent in chunks with a progress bar each; the confirmation
 * mail's link; the downloaded file has no EXIF and no GPS left. English, Arabic and phone layouts,
 * axe checks, and the plain form without JavaScript.
 */
class FootageUploadBrowserTest extends BrowserTest {

    @Autowired
    CampaignFixtures campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPhotoWithGpsIsSentWithProgressAndComesBackWithoutAnyMetadata() throws IOException {
        Campaign campaign = campaigns.open();
        long action = jdbc.sql("""
                        INSERT INTO local_action (campaign_id, action_type, title, city, starts_at, time_zone, country)
                        VALUES (:c, 'PHOTO_ACTION', 'Blue ribbons on the old bridge', 'Coimbra', now() + interval '20 days', 'Europe/Lisbon', 'PT')
                        RETURNING id""").param("c", campaign.id()).query(Long.class).single();
        byte[] photo = FootageTestFiles.withGps(FootageTestFiles.noisyJpeg(900, 700, 31));
        assertThat(FootageTestFiles.hasExif(photo)).isTrue();
        assertThat(FootageTestFiles.hasGps(photo)).isTrue();
        Path dir = Files.createDirectories(Path.of("target", "footage-test"));
        Path file = dir.resolve("bridge-with-gps.jpg");
        Files.write(file, photo);
        byte[] second = FootageTestFiles.noisyJpeg(240, 180, 32);
        String email = "ribbons-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";

        page.navigate(url("/campaigns/" + campaign.slug() + "/footage/new"));
        assertThat(page.locator("h1")).hasText("Send photos and videos");
        page.locator("#footage-files-input").setInputFiles(file);
        dropFile(page, "ribbons.jpg", second);
        assertThat(page.locator("#footage-list progress")).hasCount(2);
        assertThat(page.locator("#footage-list label").first()).hasText("bridge-with-gps.jpg");
        page.locator("#caption").fill("Ribbons tied along the railing at noon");
        page.locator("#place").fill("Coimbra, old bridge");
        page.locator("#credit").fill("Noor Haddad");
        page.locator("#actionId").selectOption(Long.toString(action));
        page.locator("#email").fill(email);
        page.locator("#consent1").check();
        screenshot("footage-upload-en-filled");
        page.locator("#footage-submit").click();

        assertThat(page.locator("#footage-status")).containsText("Finished: 2 received", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        Locator bars = page.locator("#footage-list progress");
        for (int i = 0; i < 2; i++) {
            assertThat(bars.nth(i)).hasJSProperty("value", 100);
        }
        assertThat(page.locator(".footage-item-sent")).hasCount(2);
        screenshot("footage-upload-en-sent");
        assertThat(axe("/campaigns/" + campaign.slug() + "/footage/new", "en-GB", 1280, 900, false,
                p -> p.locator("#footage-files-input").setInputFiles(file))).as("axe on the upload page with a file").isEmpty();

        assertThat(jdbc.sql("SELECT count(*) FROM footage WHERE campaign_id = :c AND status = 'PENDING' AND local_action_id = :a")
                .param("c", campaign.id()).param("a", action).query(Integer.class).single()).isEqualTo(2);
        String mail = jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = :to AND body_text LIKE '%bridge-with-gps.jpg%'")
                .param("to", email).query(String.class).single();
        Matcher link = Pattern.compile("https?://[^/\\s]+(/footage/submissions/[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).isTrue();

        page.navigate(url(link.group(1)));
        assertThat(page.locator("#footage-status-value")).hasText("Waiting for moderation");
        assertThat(page.locator(".footage-preview img")).hasJSProperty("complete", true);
        assertThat(page.locator("main")).containsText("Ribbons tied along the railing at noon");
        assertThat(page.locator("main")).containsText("Blue ribbons on the old bridge");
        screenshot("footage-submission-en");
        assertThat(axe(link.group(1), "en-GB", 1280, 900, false, p -> { })).as("axe on the submitter's page").isEmpty();

        Download download = page.waitForDownload(() -> page.locator("#footage-download").click());
        byte[] stored = Files.readAllBytes(download.path());
        assertThat(stored[0] & 0xff).isEqualTo(0xFF);
        assertThat(stored[1] & 0xff).isEqualTo(0xD8);
        assertThat(FootageTestFiles.hasExif(stored)).as("EXIF APP1 segment in the stored file").isFalse();
        assertThat(FootageTestFiles.hasGps(stored)).isFalse();
        assertThat(FootageTestFiles.appSegments(stored)).noneMatch(s -> (s[0] & 0xff) == 0xE1);
        String latin = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(latin).doesNotContain("Fictcam").doesNotContain("SN-4417").doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(900);
    }

    @Test
    void theUploadPageInArabicAndOnAPhone() {
        Campaign campaign = campaigns.open();
        Page arabic = newPage(1280, 900, "ar");
        arabic.navigate(url("/campaigns/" + campaign.slug() + "/footage/new?lang=ar"));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("h1")).hasText("أرسل صورًا وفيديوهات");
        arabic.locator("#footage-files-input").setInputFiles(new com.microsoft.playwright.options.FilePayload("مسيرة.jpg", "image/jpeg",
                FootageTestFiles.noisyJpeg(120, 90, 33)));
        assertThat(arabic.locator("#footage-list .footage-state")).hasText("في الانتظار");
        screenshot(arabic, "footage-upload-ar");
        arabic.context().close();
        assertThat(axe("/campaigns/" + campaign.slug() + "/footage/new?lang=ar", "ar", 1280, 900, false, p -> { })).as("axe in Arabic").isEmpty();

        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url("/campaigns/" + campaign.slug() + "/footage/new"));
        phone.locator("#footage-files-input").setInputFiles(new com.microsoft.playwright.options.FilePayload("a-rather-long-file-name-from-a-phone-camera-20261123.jpg",
                "image/jpeg", FootageTestFiles.noisyJpeg(120, 90, 34)));
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot(phone, "footage-upload-phone");
        phone.context().close();
        assertThat(axe("/campaigns/" + campaign.slug() + "/footage/new", "en-GB", 390, 844, false, p -> { })).as("axe on a phone").isEmpty();
    }

    @Test
    void withoutJavaScriptThePlainFormSendsAPhotoAndShowsErrorsNextToTheFields() throws IOException {
        Campaign campaign = campaigns.open();
        try (BrowserContext plain = browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setLocale("en-GB"))) {
            Page form = plain.newPage();
            form.navigate(url("/campaigns/" + campaign.slug() + "/footage/new"));
            assertThat(form.locator(".footage-no-script")).isVisible();
            com.microsoft.playwright.options.FilePayload photo = new com.microsoft.playwright.options.FilePayload("plain.jpg", "image/jpeg",
                    FootageTestFiles.withGps(FootageTestFiles.noisyJpeg(400, 300, 35)));
            form.locator("#footage-files-input").setInputFiles(photo);
            form.locator("#email").fill("not-an-address");
            // submitted with Enter (the form's implicit submission): Playwright's click waits for the button to be
            // "stable", which it judges with animation frames that a page without JavaScript does not always give
            form.locator("#email").press("Enter");
            assertThat(form.locator("#email-error")).containsText("valid e-mail address");
            assertThat(form.locator("#consent-error")).containsText("Confirm the consent statement");
            screenshot(form, "footage-upload-plain-errors");
            assertThat(axe("/campaigns/" + campaign.slug() + "/footage/new", "en-GB", 1280, 900, true, p -> {
                p.locator("#email").fill("not-an-address");
                p.locator("#footage-submit").click();
                p.locator("#email-error").waitFor();
            })).as("axe on the plain form with errors").isEmpty();

            String email = "plain-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
            form.locator("#footage-files-input").setInputFiles(photo);
            form.locator("#email").fill(email);
            form.locator("#consent1").check(new Locator.CheckOptions().setForce(true)); // (no "stable" wait: see above)
            form.locator("#email").press("Enter");
            assertThat(form.locator("#footage-sent")).containsText("one file was received");
            assertThat(jdbc.sql("SELECT count(*) FROM footage WHERE campaign_id = :c AND submitter_email = :e")
                    .param("c", campaign.id()).param("e", email).query(Integer.class).single()).isEqualTo(1);
        }
    }

    /**
     * The serious axe violations of a page, in a context that bypasses the Content-Security-Policy
     * only so that axe can be injected (the flows themselves run under the policy). With
     * {@code withoutScript} the page's own upload script is not served, so the form posts plainly.
     */
    private java.util.List<String> axe(String path, String locale, int width, int height, boolean withoutScript,
                                       java.util.function.Consumer<Page> prepare) {
        try (BrowserContext context = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setLocale(locale)
                .setViewportSize(width, height))) {
            Page target = context.newPage();
            if (withoutScript) {
                target.route("**/js/footage-upload.js", route -> route.abort());
            }
            target.navigate(url(path));
            prepare.accept(target);
            return Accessibility.violations(target);
        }
    }

    /** Drops a file on the drop zone as a browser does: a drop event whose DataTransfer holds the file. */
    private static void dropFile(Page target, String name, byte[] bytes) {
        target.evaluate("""
                ([name, data]) => {
                  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                  const transfer = new DataTransfer();
                  transfer.items.add(new File([bytes], name, { type: 'image/jpeg' }));
                  const zone = document.getElementById('footage-drop');
                  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
                  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
                }""", java.util.List.of(name, Base64.getEncoder().encodeToString(bytes)));
    }
}
