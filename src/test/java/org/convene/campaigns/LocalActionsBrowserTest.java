package org.convene.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.convene.accounts.StaffRole;
import org.convene.campaigns.internal.Campaign;
import org.convene.events.MemberNetworkFixtures;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An organization's staff member registers an action by clicking the map; it shows on the public map, in the list and the figures. */
class LocalActionsBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    CampaignFixtures campaigns;
    @Autowired
    MemberNetworkFixtures network;

    /** A page whose context lets the axe script in (the application's CSP allows no inline script). */
    private Page axePage(int width, int height, String locale) {
        return browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBypassCSP(true)
                .setViewportSize(width, height).setLocale(locale)).newPage();
    }

    @Test
    void staffRegisterAnActionOnTheMapAndTheVisitorsSeeIt() {
        var corner = network.corner();
        Campaign campaign = campaigns.open();
        logIn(staff.create(StaffRole.ORG_ADMIN, corner.member().id()));
        page.navigate(url("/admin/campaigns/" + campaign.slug() + "/actions/new"));
        page.locator("#type").selectOption("RALLY");
        page.locator("#title").fill("Lantern walk by the lake " + corner.tag());
        page.locator("#city").fill("Tampere");
        page.locator("#country").selectOption("FI");
        page.locator("#timeZone").fill("Europe/Helsinki");
        // a click on the map fills in the position
        page.locator("#action-position-map.leaflet-container").waitFor();
        BoundingBox box = page.locator("#action-position-map").boundingBox();
        page.locator("#action-position-map").click(new com.microsoft.playwright.Locator.ClickOptions()
                .setPosition(box.width * 0.55, box.height * 0.3));
        page.waitForFunction("() => document.getElementById('latitude').value !== ''");
        assertThat(page.locator("#latitude").inputValue()).isNotEmpty();
        assertThat(page.locator("#longitude").inputValue()).isNotEmpty();
        page.locator("#action-form button[type=submit]").click();
        page.waitForURL("**/admin/campaigns/" + campaign.slug() + "/actions/*");
        assertThat(page.locator(".alert-success").textContent()).contains("saved");

        Page visitor = axePage(1280, 900, "en-GB");
        visitor.navigate(url("/campaigns/" + campaign.slug() + "/actions"));
        visitor.locator("#action-map[data-marker-count='1']").waitFor();
        assertThat(visitor.locator("#action-list").textContent()).contains("Lantern walk by the lake");
        assertThat(visitor.locator("#action-total").textContent()).isEqualTo("1");
        assertThat(visitor.locator("#figures-by-country").textContent()).contains("Finland");
        assertThat(visitor.locator("#figures-by-region").textContent()).contains("Northern Lakes " + corner.tag());
        assertThat(Accessibility.violations(visitor)).as("violations on the public map").isEmpty();
        screenshot(visitor, "campaign-actions-en");

        Page arabic = axePage(1280, 900, "ar");
        arabic.navigate(url("/campaigns/" + campaign.slug() + "/actions?lang=ar"));
        arabic.locator("#action-map[data-marker-count='1']").waitFor();
        assertThat(arabic.locator("html").getAttribute("dir")).isEqualTo("rtl");
        assertThat(arabic.locator("#figures-by-country").textContent()).contains("فنلندا");
        assertThat(Accessibility.violations(arabic)).as("violations in Arabic").isEmpty();
        screenshot(arabic, "campaign-actions-ar");

        Page phone = axePage(390, 844, "en-GB");
        phone.navigate(url("/campaigns/" + campaign.slug() + "/actions"));
        phone.locator("#action-map[data-marker-count='1']").waitFor();
        assertThat(Accessibility.violations(phone)).as("violations on a phone").isEmpty();
        screenshot(phone, "campaign-actions-phone");

        // the list and the filters work without the map: a filter on another country shows none
        visitor.navigate(url("/campaigns/" + campaign.slug() + "/actions?country=CL"));
        assertThat(visitor.locator("#action-total").textContent()).isEqualTo("0");
    }
}
