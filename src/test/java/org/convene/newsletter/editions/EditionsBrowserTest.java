package org.convene.newsletter.editions;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.convene.events.EventFixtures;
import org.convene.events.internal.EventFormat;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.publishing.PublicationFixtures;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

/**
 * A network admin composes an edition in the browser (a text, a statement, an event, a picture with
 * alt text and a partner-media round-up), previews it at phone and desktop widths in English and
 * Arabic, sends a test that arrives with HTML and text parts, and finds it, once sent, in the public
 * archive and its RSS feed; axe finds no serious violations on the composer or the archive.
 */
@ContextConfiguration(initializers = EditionsMail.class)
class EditionsBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    PublicationFixtures publications;
    @Autowired
    EventFixtures events;
    @Autowired
    NewsletterFixtures newsletter;

    @Test
    void aNetworkAdminComposesPreviewsAndTestsAnEditionThatTheArchiveShowsOnceSent() throws Exception {
        // axe is injected into the page, so this context bypasses the Content-Security-Policy (the application's is unchanged)
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 900).setLocale("en-GB"));
        page = context.newPage();
        String statement = publications.publishedStatement().slug();
        String event = events.published(EventFormat.IN_PERSON, 40).title().in("en");
        logIn(staff.networkAdmin());

        String tag = UUID.randomUUID().toString().substring(0, 6);
        page.navigate(url("/admin/newsletter/editions"));
        page.locator("#new-edition").click();
        int year = 2500 + (int) (Math.random() * 400);
        page.locator("#year").fill(String.valueOf(year));
        page.locator("#number").fill("1");
        page.locator("#subject-en").fill("Harbour news " + tag);
        page.locator("#subject-ar").fill("أخبار الميناء " + tag);
        page.locator("#introduction-en").fill("Dear readers,\n\nthe network met in **Lisbon**.");
        page.locator("#introduction-ar").fill("أعزاءنا القراء،\n\nاجتمعت الشبكة في لشبونة.");
        page.locator("#edition-form button[type=submit]").click();
        page.waitForURL("**/admin/newsletter/editions/*");
        assertThat(page.locator("#recipient-count").textContent()).contains("match");
        assertThat(Accessibility.violations(page)).as("axe on the composer").isEmpty();
        String composer = page.url().replaceAll("#.*", "");

        // text
        addBlock("TEXT");
        page.locator("#text-en").fill("Registration for the **assembly** is open: [register](https://example.org/assembly).");
        page.locator("#text-ar").fill("التسجيل في الجمعية مفتوح.");
        page.locator("#block-form button[type=submit]").click();
        page.waitForURL(composer + "**");
        // statement
        addBlock("STATEMENT");
        page.locator("#publicationId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                page.locator("#publicationId option").allTextContents().stream().filter(t -> t.startsWith("Joint statement")).findFirst().orElseThrow()));
        page.locator("#block-form button[type=submit]").click();
        page.waitForURL(composer + "**");
        // event
        addBlock("EVENT");
        String eventOption = page.locator("#eventId option").allTextContents().stream().filter(t -> t.startsWith(event)).findFirst().orElseThrow();
        page.locator("#eventId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(eventOption));
        page.locator("#block-form button[type=submit]").click();
        page.waitForURL(composer + "**");
        // a picture without alt text is refused, next to the field
        addBlock("IMAGE");
        Path picture = picture();
        page.locator("#upload").setInputFiles(picture);
        page.locator("#caption-en").fill("Delegates on the quay");
        page.locator("#block-form button[type=submit]").click();
        assertThat(page.locator("#alt-error").textContent()).contains("alt text");
        assertThat(Accessibility.violations(page)).as("axe on the block form with an error").isEmpty();
        page.locator("#alt-en").fill("Twelve delegates in raincoats on a harbour quay");
        page.locator("#alt-ar").fill("اثنا عشر مندوبًا على رصيف الميناء");
        page.locator("#block-form button[type=submit]").click();
        page.waitForURL(composer + "**");
        // partner-media round-up (the newsroom offers nothing yet)
        addBlock("PARTNER_ROUNDUP");
        assertThat(page.locator("#no-partner-items").isVisible()).isTrue();
        page.locator("#block-form button[type=submit]").click();
        page.waitForURL(composer + "**");

        assertThat(page.locator(".edition-block strong").allTextContents())
                .containsExactly("Text", "Statement", "Event", "Picture", "Partner-media round-up");
        // move the picture above the event, without JavaScript forms
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move block 4 up")).click();
        page.waitForURL(composer + "#block-3");
        assertThat(page.locator(".edition-block strong").allTextContents())
                .containsExactly("Text", "Statement", "Picture", "Event", "Partner-media round-up");
        screenshot("newsletter-composer");
        assertThat(Accessibility.violations(page)).as("axe on the composer with blocks").isEmpty();
        page.navigate(composer + "?lang=ar");
        assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
        assertThat(Accessibility.violations(page)).as("axe on the composer in Arabic").isEmpty();
        screenshot("newsletter-composer-ar");
        page.navigate(composer + "?lang=en");

        // a second edition with the same number in the same year is refused next to the number
        page.navigate(url("/admin/newsletter/editions/new"));
        page.locator("#year").fill(String.valueOf(year));
        page.locator("#number").fill("1");
        page.locator("#subject-en").fill("Duplicate " + tag);
        page.locator("#edition-form button[type=submit]").click();
        assertThat(page.locator("#number-error").textContent()).contains("already an edition 1 in " + year).contains("next free number is 2");
        page.locator("#subject-en").fill("x".repeat(201));
        page.locator("#number").fill("2");
        page.locator("#edition-form button[type=submit]").click();
        assertThat(page.locator("#subject-error").textContent()).contains("200");
        page.navigate(composer);

        // preview in English and Arabic, phone and desktop frames
        for (String language : List.of("en", "ar")) {
            page.navigate(composer + "/preview?language=" + language);
            assertThat(page.locator("#preview-subject").textContent()).contains(tag);
            page.frameLocator("#preview-phone").locator("h1").waitFor();
            assertThat(page.frameLocator("#preview-desktop").locator("html").getAttribute("dir")).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
            assertThat(page.frameLocator("#preview-phone").locator("img[alt]").first().getAttribute("alt")).isNotBlank();
            assertThat(page.locator("#preview-phone").boundingBox().width).isBetween(370.0, 380.0);
            assertThat(page.locator("#preview-desktop").boundingBox().width).isBetween(795.0, 805.0);
            screenshot("newsletter-preview-" + language);
            page.locator("#preview-phone").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "newsletter-preview-phone-" + language + ".png")));
            page.locator("#preview-desktop").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "newsletter-preview-desktop-" + language + ".png")));
        }
        Page phone = newPage(390, 844, "ar");
        phone.context().addCookies(context.cookies());
        phone.navigate(composer + "/preview/mail?language=ar");
        assertThat(phone.locator("html").getAttribute("dir")).isEqualTo("rtl");
        screenshot(phone, "newsletter-mail-phone-ar");
        phone.context().close();

        // a test, delivered by SMTP with both parts
        page.navigate(composer);
        String address = NewsletterFixtures.uniqueEmail("proof-reader");
        page.locator("#addresses").fill("not an address");
        page.locator("form[action$='/test'] button[type=submit]").click();
        assertThat(page.locator("#addresses-error").textContent()).contains("not a valid");
        page.locator("#addresses").fill(address);
        page.locator("form[action$='/test'] button[type=submit]").click();
        assertThat(page.locator(".alert-success").textContent()).contains("1 address");
        List<MimeMessage> received = EditionsMail.receivedBy(address);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("[TEST] Edition 1 (" + year + "): Harbour news " + tag);
        List<String> types = new ArrayList<>();
        collect((Multipart) received.getFirst().getContent(), types);
        assertThat(types).anySatisfy(t -> assertThat(t).startsWith("text/plain")).anySatisfy(t -> assertThat(t).startsWith("text/html"));

        // once sent (the sending engine's job, set here), the edition is in the archive and its feed
        long id = Long.parseLong(composer.substring(composer.lastIndexOf('/') + 1));
        newsletter.jdbc().sql("UPDATE edition SET status = 'SENT', started_at = now(), finished_at = now() WHERE id = :id").param("id", id).update();
        page.navigate(composer);
        assertThat(page.locator("#edition-status").textContent()).contains("Sent");
        assertThat(page.locator("#subject-en").isDisabled()).isTrue();
        assertThat(page.locator("#add-block").count()).isZero();

        page.navigate(url("/newsletter/archive"));
        assertThat(Accessibility.violations(page)).as("axe on the archive").isEmpty();
        page.locator("a", new Page.LocatorOptions().setHasText("Harbour news " + tag)).click();
        page.waitForURL("**/newsletter/archive/" + year + "/1");
        assertThat(page.locator("h1").textContent()).isEqualTo("Harbour news " + tag);
        assertThat(page.locator("img.archive-image").getAttribute("alt")).isEqualTo("Twelve delegates in raincoats on a harbour quay");
        assertThat(page.content()).doesNotContain("{{unsubscribe_url}}").contains("/statements/" + statement);
        assertThat(Accessibility.violations(page)).as("axe on an archived edition").isEmpty();
        screenshot("newsletter-archive-edition");

        Page arabic = newPage(390, 844, "ar");
        arabic.navigate(url("/newsletter/archive/" + year + "/1?lang=ar"));
        assertThat(arabic.locator("html").getAttribute("dir")).isEqualTo("rtl");
        assertThat(arabic.locator("h1").textContent()).isEqualTo("أخبار الميناء " + tag);
        screenshot(arabic, "newsletter-archive-edition-ar-phone");
        arabic.context().close();

        String rss = page.request().get(url("/newsletter/archive/feed.rss")).text();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(rss));
        assertThat(feed.getEntries()).anySatisfy(e -> assertThat(e.getTitle()).isEqualTo("Edition 1 (" + year + "): Harbour news " + tag));
    }

    private void addBlock(String kind) {
        page.locator("#add-kind").selectOption(kind);
        page.locator("#add-block button[type=submit]").click();
        page.waitForURL("**/blocks/new?kind=" + kind);
    }

    private static void collect(Multipart multipart, List<String> types) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                collect(inner, types);
            } else {
                types.add(part.getContentType().toLowerCase());
            }
        }
    }

    private static Path picture() throws Exception {
        BufferedImage image = new BufferedImage(240, 140, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 140));
        g.fillRect(0, 0, 240, 140);
        g.setColor(new Color(240, 200, 80));
        g.fillOval(60, 30, 120, 80);
        g.dispose();
        Path file = Files.createTempFile("quay", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
