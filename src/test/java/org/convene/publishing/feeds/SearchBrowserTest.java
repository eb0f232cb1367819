package org.convene.publishing.feeds;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.convene.publishing.PublicationFixtures;
import org.convene.publishing.internal.Publication;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader finds a published statement from the header's search box, filters by kind and reads the statement feed. */
@ConveneTest
class SearchBrowserTest extends BrowserTest {

    @Autowired
    PublicationFixtures fixtures;
    @Autowired
    PublicationSearch search;

    @Test
    void aReaderFindsAStatementFromTheHeaderAndReadsItsFeed() throws Exception {
        Publication statement = fixtures.publishedStatement();
        String tag = statement.slug().substring("joint-statement-on-public-water-".length(), statement.slug().lastIndexOf('-'));
        fixtures.addPublishedTranslation(statement.id(), "ar", "بيان مشترك حول المياه العامة " + tag, "المياه العامة يجب أن تبقى عامة.");
        search.sync();

        page.navigate(url("/events"));
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search the site")).fill("water " + tag);
        page.keyboard().press("Enter");
        page.waitForURL("**/search?q=**");
        var result = page.locator(".search-result").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(tag));
        assertThat(result).hasCount(1);
        assertThat(result.locator("h2 mark").first()).hasText("water");
        assertThat(result.locator(".badge")).hasText("Statement");
        assertThat(result.locator("h2 a")).hasAttribute("href", "/statements/" + statement.slug());
        screenshot("search-results-en");

        page.locator("#search-kind").selectOption("news");
        page.locator("form.search-form button[type=submit]").click();
        assertThat(page.locator(".search-result")).hasCount(0);
        assertThat(page.locator("#search-results .alert-info")).containsText("Nothing found");
        page.locator("#search-kind").selectOption("statement");
        page.locator("form.search-form button[type=submit]").click();
        assertThat(page.locator(".search-result")).hasCount(1);

        var feed = page.request().get(url("/statements/feed.rss"));
        assertThat(feed.status()).isEqualTo(200);
        SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.text()));
        assertThat(parsed.getEntries()).anyMatch(e -> e.getLink().endsWith("/statements/" + statement.slug()));

        Page arabic = newPage(1280, 900, "ar");
        arabic.navigate(url("/search?lang=ar&q=" + URLEncoder.encode("المياه " + tag, StandardCharsets.UTF_8)));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator(".search-result mark").first()).hasText("المياه");
        assertThat(arabic.locator("h1")).hasText("البحث");
        screenshot(arabic, "search-results-ar");
        arabic.context().close();

        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url("/search?q=" + URLEncoder.encode("water " + tag, StandardCharsets.UTF_8)));
        assertThat(phone.locator(".search-result")).hasCount(1);
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        screenshot(phone, "search-results-phone");
        phone.context().close();

        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            for (String path : new String[] {"/search?q=" + URLEncoder.encode("water " + tag, StandardCharsets.UTF_8),
                    "/search?q=water&kind=podcast", "/search?lang=ar&q=" + URLEncoder.encode("المياه " + tag, StandardCharsets.UTF_8)}) {
                target.navigate(url(path));
                assertThat(Accessibility.violations(target)).as("serious accessibility violations on %s", path).isEmpty();
            }
        }
    }
}
