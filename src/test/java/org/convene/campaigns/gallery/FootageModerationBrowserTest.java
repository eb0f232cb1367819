package org.convene.campaigns.gallery;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.FootageFiles;
import org.convene.events.MemberNetworkFixtures;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A network admin moderates with the keyboard only (approve, reject, feature, edit a caption), the
 * public gallery then shows what was approved, the compilation downloads through the browser, and
 * the report opens; screenshots in English, Arabic and on a phone; axe on the gallery and the queue.
 * The thumbnails come from the footage file controller: pending ones only for staff, approved ones for everyone.
 */
class FootageModerationBrowserTest extends BrowserTest {

    @Autowired TestStaff staff;
    @Autowired CampaignFixtures campaigns;
    @Autowired FootageFixtures footage;
    @Autowired FootageFiles files;
    @Autowired MemberNetworkFixtures network;

    private static void logIn(Page target, String base, TestStaff.Login login) {
        target.navigate(base + "/login");
        target.locator("#email").fill(login.email());
        target.locator("#password").fill(login.password());
        target.locator("main form button[type=submit]").click();
        target.waitForURL("**/admin**");
    }

    /** Waits until htmx has settled the swapped item (its forms are live again) and the focus is back on it. */
    private static void settled(Page target, long id) {
        target.waitForFunction("id => document.activeElement && document.activeElement.id === id"
                + " && !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping, .htmx-added')", "footage-" + id);
    }

    private static String focusedId(Page target) {
        return (String) target.evaluate("() => document.activeElement && document.activeElement.id");
    }

    @Test
    void staffModerateWithTheKeyboardAndThePublicSeesTheResult() throws Exception {
        MemberNetworkFixtures.Corner corner = network.corner();
        Campaign campaign = campaigns.open();
        long action = footage.action(campaign, corner.member().id(), "Lakeside rally", "FI", 60.45, 22.27);
        footage.action(campaign, corner.outsider().id(), "Coastal statement", "CL", -33.45, -70.66);
        Instant start = Instant.now().minusSeconds(3600);
        FootageFixtures.Stored first = footage.insert(campaign, FootageFixtures.photo().action(action).caption("Boats at the pier").at(start));
        FootageFixtures.Stored second = footage.insert(campaign, FootageFixtures.photo().caption("Blurry thumb").at(start.plusSeconds(60)));
        FootageFixtures.Stored third = footage.insert(campaign, FootageFixtures.photo().action(action).caption("Banner across the bridge")
                .at(start.plusSeconds(120)));
        FootageFixtures.Stored fourth = footage.insert(campaign, FootageFixtures.photo().caption("Untitled").at(start.plusSeconds(180)));
        FootageFixtures.Stored video = footage.insert(campaign, FootageFixtures.photo().video().caption("Chanting at the gate")
                .flagged("video metadata could not be stripped").at(start.plusSeconds(240)));
        logIn(staff.networkAdmin());
        page.navigate(url("/admin/campaigns/" + campaign.slug() + "/footage"));
        assertThat(page.locator(".moderation-help")).containsText("a approve");
        assertThat(page.locator("#footage-" + video.id() + " .footage-flag")).containsText("video metadata could not be stripped");
        assertThat(page.locator(".footage-item").first()).hasAttribute("id", "footage-" + first.id());
        // the pending thumbnails are served to staff by the footage file controller
        page.waitForFunction("id => { const img = document.querySelector('#' + id + ' img'); return img && img.complete && img.naturalWidth > 0; }",
                "footage-" + first.id());
        screenshot("footage-moderation-en");

        // j moves to the first item, a approves it; the focus stays on the swapped item and the result is announced
        page.keyboard().press("j");
        assertThat(focusedId(page)).isEqualTo("footage-" + first.id());
        page.keyboard().press("a");
        assertThat(page.locator("#footage-" + first.id() + " .footage-status")).hasText("Approved");
        assertThat(page.locator("#moderation-status")).containsText("Approved");
        settled(page, first.id());

        page.keyboard().press("j");
        assertThat(focusedId(page)).isEqualTo("footage-" + second.id());
        page.keyboard().press("r");
        assertThat(page.locator("#footage-" + second.id() + " .footage-status")).hasText("Rejected");
        assertThat(page.locator("#moderation-status")).containsText("files are deleted");
        settled(page, second.id());

        page.keyboard().press("ArrowDown");
        assertThat(focusedId(page)).isEqualTo("footage-" + third.id());
        page.keyboard().press("f");
        assertThat(page.locator("#footage-" + third.id() + " .footage-featured")).isVisible();
        assertThat(page.locator("#footage-" + third.id() + " .footage-status")).hasText("Approved");
        settled(page, third.id());

        page.keyboard().press("j");
        page.keyboard().press("k");
        page.keyboard().press("j");
        assertThat(focusedId(page)).isEqualTo("footage-" + fourth.id());
        page.keyboard().press("e");
        assertThat(focusedId(page)).isEqualTo("caption-" + fourth.id());
        // typing in the field never triggers a shortcut ("a", "r", "f" and "e" are in the caption)
        page.keyboard().press("Control+a");
        page.keyboard().type("Farmers and fishers share a table");
        page.locator("#footage-" + fourth.id() + " .footage-edit button[type=submit]").click();
        assertThat(page.locator("#footage-" + fourth.id() + " .footage-caption")).hasText("Farmers and fishers share a table");
        assertThat(page.locator("#footage-" + fourth.id() + " .footage-status")).hasText("Pending");
        settled(page, fourth.id());
        page.keyboard().press("a");
        assertThat(page.locator("#footage-" + fourth.id() + " .footage-status")).hasText("Approved");
        assertThat(footage.status(second.id())).isEqualTo("REJECTED");
        assertThat(footage.status(video.id())).isEqualTo("PENDING");
        assertThat(Files.exists(second.file())).isFalse();

        // the public gallery: featured first, then the newest; never the rejected or the pending
        try (BrowserContext visitor = BrowserTest.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page open = visitor.newPage();
            open.navigate(url("/campaigns/" + campaign.slug() + "/gallery"));
            Locator tiles = open.locator(".gallery-tile");
            assertThat(tiles).hasCount(3);
            assertThat(tiles.nth(0)).containsText("Banner across the bridge");
            assertThat(tiles.nth(0)).containsText("Featured");
            assertThat(tiles.nth(1)).containsText("Farmers and fishers share a table");
            assertThat(tiles.nth(2)).containsText("Boats at the pier");
            String html = open.content();
            assertThat(html).doesNotContain(second.thumbnailName()).doesNotContain(video.storedName()).doesNotContain("Blurry thumb");
            assertThat(open.locator(".gallery-tile img").first()).hasAttribute("loading", "lazy");
            screenshot(open, "footage-gallery-en");
            tiles.nth(2).locator("a").click();
            assertThat(open.locator(".footage-full")).isVisible();
            assertThat(open.locator("figcaption")).containsText("Lakeside rally");
            assertThat(open.locator("figcaption")).containsText(corner.member().name());
        }

        // the compilation, downloaded through the browser
        page.navigate(url("/admin/campaigns/" + campaign.slug() + "/footage?status=APPROVED"));
        Download download = page.waitForDownload(() -> page.locator("#compilation-link").click());
        assertThat(download.suggestedFilename()).isEqualTo(campaign.slug() + "-footage.zip");
        String manifest = null;
        List<String> names = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                names.add(entry.getName());
                if (entry.getName().equals("manifest.csv")) {
                    manifest = bytes.toString(StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).containsExactly("0001-lakeside-rally.jpg", "0002-" + campaign.slug() + ".jpg", "0003-lakeside-rally.jpg", "manifest.csv");
        assertThat(manifest.lines().toList()).hasSize(4);
        assertThat(manifest).startsWith("file,caption,credit,place,action,organization,country,time,kind,featured")
                .contains("0001-lakeside-rally.jpg,Banner across the bridge,R. Lind,Harbour square,Lakeside rally," + corner.member().name() + ",FI,")
                .contains("Farmers and fishers share a table").doesNotContain("Blurry thumb");

        // the report
        page.navigate(url("/admin/campaigns/" + campaign.slug() + "/report"));
        assertThat(page.locator("#total-actions")).hasText("2");
        assertThat(page.locator("#total-countries")).hasText("2");
        assertThat(page.locator("#total-footage")).hasText("3");
        assertThat(page.locator("#print-report")).isVisible();
        assertThat(page.locator(".report-map circle")).hasCount(2);
        assertThat(page.locator(".report-photos img")).hasCount(1);
        screenshot("footage-report-en");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.locator(".site-header")).isHidden();
        assertThat(page.locator("#print-report")).isHidden();
        screenshot("footage-report-print");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

        // Arabic, right to left
        page.navigate(url("/admin/campaigns/" + campaign.slug() + "/footage?status=ALL&lang=ar"));
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("#footage-" + second.id() + " .footage-status")).hasText("مرفوضة");
        screenshot("footage-moderation-ar");
        page.navigate(url("/campaigns/" + campaign.slug() + "/gallery"));
        screenshot("footage-gallery-ar");
        page.navigate(url("/admin/campaigns/" + campaign.slug() + "/report"));
        screenshot("footage-report-ar");
        page.navigate(url("/admin/campaigns/" + campaign.slug() + "/footage?lang=en"));

        // a phone
        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url("/campaigns/" + campaign.slug() + "/gallery"));
        assertThat(phone.locator(".gallery-tile")).hasCount(3);
        assertThat((Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot(phone, "footage-gallery-phone");
        logIn(phone, url(""), staff.networkAdmin());
        phone.navigate(url("/admin/campaigns/" + campaign.slug() + "/footage?status=ALL"));
        assertThat((Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot(phone, "footage-moderation-phone");
        phone.context().close();
    }

    @Test
    void theGalleryAndTheQueueHaveNoSeriousAccessibilityViolations() {
        Campaign campaign = campaigns.open();
        footage.insert(campaign, FootageFixtures.photo().asFeatured());
        footage.insert(campaign, FootageFixtures.photo().status("APPROVED").caption(""));
        footage.insert(campaign, FootageFixtures.photo().video().flagged("video metadata could not be stripped"));
        try (BrowserContext axe = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axe.newPage();
            for (String path : List.of("/campaigns/" + campaign.slug() + "/gallery", "/campaigns/" + campaign.slug() + "/gallery?lang=ar")) {
                target.navigate(url(path));
                assertThat(Accessibility.violations(target)).as("serious accessibility violations on %s", path).isEmpty();
            }
            logIn(target, url(""), staff.networkAdmin());
            for (String path : List.of("/admin/campaigns/" + campaign.slug() + "/footage?status=ALL&lang=en",
                    "/admin/campaigns/" + campaign.slug() + "/footage?status=ALL&lang=ar",
                    "/admin/campaigns/" + campaign.slug() + "/report?lang=en")) {
                target.navigate(url(path));
                assertThat(Accessibility.violations(target)).as("serious accessibility violations on %s", path).isEmpty();
            }
        }
    }
}
