package org.convene.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.convene.publishing.editing.PublicationEditing;
import org.convene.publishing.internal.Publication;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A network admin writes a statement, translates it into Arabic side by side, previews and publishes
 * it; readers see it in English and Arabic (right to left), also on a phone; the revision page shows an edit.
 */
class PublicationEditorBrowserTest extends BrowserTest {

    @Autowired TestStaff staff;
    @Autowired PublicationFixtures fixtures;
    @Autowired PublicationEditing editing;

    @Test
    void writeTranslatePreviewPublishAndRead() {
        TestStaff.Login admin = staff.networkAdmin();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Joint statement on shared harbours " + tag;
        try (BrowserContext editorContext = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true)
                .setViewportSize(1280, 900).setLocale("en-GB"))) {
            Page editor = editorContext.newPage();
            editor.navigate(url("/login"));
            editor.locator("#email").fill(admin.email());
            editor.locator("#password").fill(admin.password());
            editor.locator("main form button[type=submit]").click();
            editor.waitForURL("**/admin**");

            editor.navigate(url("/admin/publications"));
            editor.locator("#new-statement").click();
            editor.locator("#title").fill(title);
            editor.locator("#summary").fill("Member organizations agree that harbours belong to the people who work in them.");
            editor.locator("#body").fill("## Our position\n\nHarbours are **shared**.\n\n> Nobody owns the tide.");
            editor.locator("[id='signatories0.name']").fill("Ines Moreau");
            editor.locator("[id='signatories0.role']").fill("Chairperson");
            editor.locator("#save-publication").click();
            editor.waitForURL("**/admin/publications/*");
            assertThat(editor.locator("h1").textContent()).isEqualTo(title);
            assertThat(editor.locator("#publication-status").textContent()).contains("Draft");
            assertThat(Accessibility.violations(editor)).as("violations in the editor").isEmpty();
            screenshot(editor, "publishing-editor");

            editor.locator("#new-language").selectOption("ar");
            editor.getByText("Translate", new Page.GetByTextOptions().setExact(true)).click();
            editor.locator("#title").fill("بيان مشترك بشأن الموانئ المشتركة " + tag);
            editor.locator("#summary").fill("تتفق المنظمات الأعضاء على أن الموانئ ملك لمن يعملون فيها.");
            editor.locator("#body").fill("## موقفنا\n\nالموانئ **مشتركة**.");
            editor.locator("#translator").fill("Salma Haddad");
            editor.locator("#save-translation").click();
            editor.waitForURL("**/translations/ar");
            assertThat(editor.locator(".original-text").textContent()).contains(title);
            assertThat(Accessibility.violations(editor)).as("violations in the translation editor").isEmpty();
            screenshot(editor, "publishing-translation-side-by-side");
            editor.locator("#translation-status-select").selectOption("PUBLISHED");
            editor.locator("#translation-status-form button").click();
            editor.waitForURL("**/translations/ar");
            assertThat(editor.locator("#translation-status").textContent()).contains("Published");

            long id = fixtures.jdbc().sql("SELECT publication_id FROM publication_translation WHERE title = :t")
                    .param("t", title).query(Long.class).single();
            editor.navigate(url("/admin/publications/" + id + "/preview"));
            assertThat(editor.locator("#preview-banner").isVisible()).isTrue();
            screenshot(editor, "publishing-preview");

            String slug = fixtures.jdbc().sql("SELECT slug FROM publication WHERE id = :id").param("id", id).query(String.class).single();
            Page anonymous = newPage(1280, 900, "en-GB");
            assertThat(anonymous.navigate(url("/statements/" + slug)).status()).isEqualTo(404);

            editor.navigate(url("/admin/publications/" + id));
            editor.locator("#status").selectOption("PUBLISHED");
            editor.locator("#status-form button").click();
            editor.waitForURL("**/admin/publications/" + id);
            assertThat(editor.locator("#publication-status").textContent()).contains("Published");

            // an edit of the English text, then its difference on the revision page
            editor.navigate(url("/admin/publications/" + id + "/translations/en"));
            editor.locator("#body").fill("## Our position\n\nHarbours are **shared** by all who work there.\n\n> Nobody owns the tide.");
            editor.locator("#save-translation").click();
            editor.waitForURL("**/translations/en");
            editor.navigate(url("/admin/publications/" + id + "/revisions"));
            assertThat(Accessibility.violations(editor)).as("violations on the revisions page").isEmpty();
            editor.locator("#compare").click();
            editor.waitForURL("**/revisions/diff**");
            assertThat(editor.locator("#revision-diff ins").allTextContents()).anySatisfy(t -> assertThat(t).contains("by all"));
            assertThat(editor.locator("#revision-diff td").first().getAttribute("lang")).isEqualTo("en");
            assertThat(Accessibility.violations(editor)).as("violations on the diff page").isEmpty();
            screenshot(editor, "publishing-revision-diff");

            // the public page, in English, in Arabic and on a phone
            anonymous.navigate(url("/statements/" + slug));
            assertThat(anonymous.locator("article h1").textContent()).isEqualTo(title);
            assertThat(anonymous.locator("article").getAttribute("lang")).isEqualTo("en");
            assertThat(anonymous.locator("#issued-by").textContent()).isNotBlank();
            assertThat(anonymous.locator(".publication-signatories").textContent()).contains("Ines Moreau");
            assertThat(anonymous.locator("link[rel=alternate][hreflang=ar]").count()).isEqualTo(1);
            screenshot(anonymous, "publishing-statement-en");
            anonymous.locator(".publication-languages a[hreflang=ar]").click();
            anonymous.waitForURL("**lang=ar");
            assertThat(anonymous.locator("article").getAttribute("dir")).isEqualTo("rtl");
            assertThat(anonymous.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(anonymous.locator("article h1").textContent()).startsWith("بيان مشترك");
            screenshot(anonymous, "publishing-statement-ar");

            Page phone = newPage(390, 844, "ar");
            phone.navigate(url("/statements/" + slug + "?lang=ar"));
            assertThat(phone.locator("article").getAttribute("dir")).isEqualTo("rtl");
            assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
            screenshot(phone, "publishing-statement-phone");
            phone.context().close();
            anonymous.context().close();

            Publication news = fixtures.publishedNews();
            editing.updateDetails(news.id(), new PublicationEditing.Details(news.dated(), List.of("water"), List.of(), null, null,
                    "SOLIDARITY", null, "CL", List.of()));
            Page newsReader = newPage(390, 844, "en-GB");
            newsReader.navigate(url("/news?category=SOLIDARITY"));
            assertThat(newsReader.locator("#news-results").textContent()).contains("Regional assembly report");
            screenshot(newsReader, "publishing-news-list-phone");
            newsReader.context().close();

            try (BrowserContext axeContext = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
                Page target = axeContext.newPage();
                for (String path : new String[] {"/statements/" + slug, "/statements/" + slug + "?lang=ar", "/statements", "/news",
                        "/news?lang=ar"}) {
                    target.navigate(url(path));
                    assertThat(Accessibility.violations(target)).as("violations on %s", path).isEmpty();
                }
            }
        }
    }
}
