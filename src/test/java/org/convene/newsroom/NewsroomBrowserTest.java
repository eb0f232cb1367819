package org.convene.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A network admin registers a partner outlet (a refused address first), polls its feed, filters the
 * newsroom, picks an item, and visitors see it on "From our partners"; in English, Arabic and on a phone.
 */
class NewsroomBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;

    /** A page whose context lets the axe script in (the application's CSP allows no inline script). */
    private Page axePage(int width, int height, String locale) {
        BrowserContext axeContext = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true)
                .setViewportSize(width, height).setLocale(locale));
        return axeContext.newPage();
    }

    @Test
    void staffFollowAnOutletPickAnItemAndVisitorsSeeIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        try (FeedServer feeds = FeedServer.allowed()) {
            feeds.on("/rss", e -> FeedServer.send(e, 200, "application/rss+xml", FeedServer.rss(
                    "b1-" + tag, "Community radio reaches the islands " + tag, "https://harbour-news.example.org/radio",
                    "b2-" + tag, "Fishers form a cooperative " + tag, "https://harbour-news.example.org/coop")));
            context.close();
            page = axePage(1280, 900, "en-GB");
            context = page.context();
            logIn(staff.networkAdmin());

            page.navigate(url("/admin/newsroom/outlets"));
            page.locator("#new-outlet").click();
            page.locator("#name").fill("Harbour News " + tag);
            page.locator("#country").selectOption("TZ");
            page.locator("#languages").fill("en, sw");
            page.locator("#website").fill("https://harbour-news.example.org");
            page.locator("#feedUrl").fill("http://169.254.169.254/latest/meta-data/");
            page.locator("#outlet-form button[type=submit]").click();
            assertThat(page.locator("#feedUrl-error").textContent()).contains("local, private or reserved");
            assertThat(page.locator("#feedUrl").getAttribute("aria-invalid")).isEqualTo("true");

            page.locator("#feedUrl").fill(feeds.url("/rss"));
            page.locator("#outlet-form button[type=submit]").click();
            page.waitForURL("**/admin/newsroom/outlets/*");
            assertThat(page.locator(".alert-success").first().textContent()).contains("saved");
            assertThat(page.locator("#health-status").textContent()).contains("Not polled yet");

            page.locator("#poll-now").click();
            assertThat(page.locator("#poll-outcome").textContent()).contains("2 new items");
            assertThat(page.locator("#health-status").textContent()).isEqualTo("OK");
            page.locator("#poll-now").click();
            assertThat(page.locator("#poll-outcome").textContent()).contains("a moment ago");
            assertThat(Accessibility.violations(page)).as("violations on the outlet page").isEmpty();
            screenshot(page, "newsroom-outlet-en");

            page.navigate(url("/admin/newsroom"));
            page.locator("#filter-country").selectOption("TZ");
            page.locator("#filter-language").selectOption("en");
            page.locator("#newsroom-filters button[type=submit]").click();
            page.waitForURL("**country=TZ**");
            assertThat(page.locator("#newsroom-items").textContent()).contains("Community radio reaches the islands " + tag);
            page.locator("#filter-outlet").selectOption(page.locator("#filter-outlet option", new Page.LocatorOptions()
                    .setHasText("Harbour News " + tag)).getAttribute("value"));
            page.locator("#newsroom-filters button[type=submit]").click();
            assertThat(page.locator("#item-total").textContent()).startsWith("2");
            assertThat(Accessibility.violations(page)).as("violations in the newsroom").isEmpty();
            screenshot(page, "newsroom-en");

            page.locator(".newsroom-item", new Page.LocatorOptions().setHasText("Fishers form a cooperative " + tag))
                    .locator(".pick-item").click();
            assertThat(page.locator(".alert-success").textContent()).contains("on the partners page");
            assertThat(page.url()).contains("outlet=");

            page.navigate(url("/admin/newsroom/outlets"));
            assertThat(page.locator("#outlets").textContent()).contains("Harbour News " + tag, "Tanzania");
            assertThat(Accessibility.violations(page)).as("violations on the outlet list").isEmpty();
            screenshot(page, "newsroom-outlets-en");

            Page visitor = axePage(1280, 900, "en-GB");
            visitor.navigate(url("/partners"));
            assertThat(visitor.locator("#partner-items").textContent()).contains("Fishers form a cooperative " + tag)
                    .doesNotContain("Community radio reaches the islands " + tag);
            assertThat(Accessibility.violations(visitor)).as("violations on the partners page").isEmpty();
            screenshot(visitor, "partners-en");

            Page arabic = axePage(1280, 900, "ar");
            arabic.navigate(url("/partners?lang=ar"));
            assertThat(arabic.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(arabic.locator("h1").textContent()).isEqualTo("من شركائنا");
            assertThat(arabic.locator("#partner-items").textContent()).contains("تنزانيا");
            assertThat(Accessibility.violations(arabic)).as("violations in Arabic").isEmpty();
            screenshot(arabic, "partners-ar");

            page.navigate(url("/admin/newsroom?lang=ar"));
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(Accessibility.violations(page)).as("violations in the Arabic newsroom").isEmpty();
            screenshot(page, "newsroom-ar");

            Page phone = axePage(390, 844, "en-GB");
            phone.navigate(url("/partners"));
            assertThat(phone.locator("#partner-items").textContent()).contains("Fishers form a cooperative " + tag);
            assertThat(Accessibility.violations(phone)).as("violations on a phone").isEmpty();
            screenshot(phone, "partners-phone");
            visitor.context().close();
            arabic.context().close();
            phone.context().close();
        }
    }
}
