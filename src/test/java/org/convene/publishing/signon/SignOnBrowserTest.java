package org.convene.publishing.signon;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.StaffRole;
import org.convene.directory.internal.Forms;
import org.convene.directory.internal.OrganizationService;
import org.convene.events.MemberNetworkFixtures;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextForm;
import org.convene.publishing.PublicationFixtures;
import org.convene.publishing.internal.Publication;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-on in the browser: staff open it, a member organization's admin endorses with one click, a
 * non-member organization submits the form and staff verify it in the queue, after which it is listed
 * under its region and country, and a person signs through the embedded form (its script fetches the
 * CSRF token) and confirms by the mailed link. English, Arabic and phone screenshots; axe checks.
 */
class SignOnBrowserTest extends BrowserTest {

    @Autowired
    PublicationFixtures publications;
    @Autowired
    MemberNetworkFixtures network;
    @Autowired
    OrganizationService organizations;
    @Autowired
    TestStaff staff;

    /** A country no organization of the directory is in yet, so that its region is unambiguous once we add one. */
    private String unusedCountry(Set<String> besides) {
        List<String> used = publications.jdbc().sql("SELECT DISTINCT country FROM organization").query(String.class).list();
        return java.util.Arrays.stream(Locale.getISOCountries()).filter(c -> !used.contains(c) && !besides.contains(c)).findFirst().orElseThrow();
    }

    private void member(String name, String country, long region) {
        Forms.OrganizationForm form = new Forms.OrganizationForm();
        form.setName(name);
        form.setCountry(country);
        form.setRegionId(region);
        form.setLanguages(List.of("en"));
        form.setDescription(TranslatedTextForm.of(TranslatedText.of("en", "A fictional member organization.")));
        organizations.create(form, null);
    }

    @Test
    void membersOrganizationsAndPeopleSignOnAndStaffVerify() {
        var corner = network.corner();
        String country = unusedCountry(Set.of());
        member("Upland Seed Savers " + corner.tag(), country, corner.north().id());
        String lonelyCountry = unusedCountry(Set.of(country));
        Publication statement = publications.publishedStatement();
        String arabicTitle = "بيان مشترك حول المياه العامة " + corner.tag();
        publications.addPublishedTranslation(statement.id(), "ar", arabicTitle, "الماء حق عام.");
        String signOnPage = "/statements/" + statement.slug() + "/sign-on";

        // Network staff open sign-on with a deadline and individuals allowed.
        logIn(staff.networkAdmin());
        page.navigate(url("/admin/statements/" + statement.id() + "/sign-on"));
        page.locator("#open1").check();
        page.locator("#closesAt").fill("2099-12-31T18:00");
        page.locator("#timeZone").selectOption("Europe/Lisbon");
        page.locator("#individualsAllowed1").check();
        page.locator("#signon-settings-save").click();
        assertThat(page.locator("[role=status]")).containsText("saved");
        context.clearCookies();

        // A member organization's admin endorses with one click.
        logIn(staff.create(StaffRole.ORG_ADMIN, corner.member().id()));
        page.navigate(url(signOnPage));
        page.locator("#endorse-member").click();
        assertThat(page.locator("#signon-notice")).containsText("now endorses");
        assertThat(page.locator("#member-sign-on")).containsText(corner.member().name() + " has endorsed");
        context.clearCookies();

        // A non-member organization submits the form; nothing shows before staff verify it.
        String orgName = "Terrace Water Council " + corner.tag();
        String lonelyName = "Distant Wells Group " + corner.tag();
        for (String[] org : List.of(new String[]{orgName, country}, new String[]{lonelyName, lonelyCountry})) {
            page.navigate(url(signOnPage));
            page.locator("#org-name").fill(org[0]);
            page.locator("#org-country").selectOption(org[1]);
            page.locator("#org-website").fill("https://terrace.example.org");
            page.locator("#org-contact").fill("Ines Duarte");
            page.locator("#org-email").fill("contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
            page.locator("#submit-organization").click();
            assertThat(page.locator("#signon-notice")).containsText("Network staff will check");
        }
        assertThat(page.locator("#endorsements")).not().containsText(orgName);

        logIn(staff.networkAdmin());
        page.navigate(url("/admin/statements/" + statement.id() + "/sign-on/queue"));
        for (String name : List.of(orgName, lonelyName)) {
            page.locator("#signon-queue tr", new Page.LocatorOptions().setHasText(name)).locator("button", new com.microsoft.playwright.Locator.LocatorOptions()
                    .setHasText("Approve")).click();
            assertThat(page.locator("[role=status]")).containsText("verified");
        }
        assertThat(page.locator("#signon-queue-empty")).isVisible();
        context.clearCookies();

        // A person signs through the embedded form (its script fetches a CSRF token) and confirms by the mailed link.
        String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        page.navigate(url(signOnPage + "/form"));
        page.locator("#person-name").fill("Samira Haddad");
        page.locator("#person-affiliation").fill("teacher");
        page.locator("#person-country").selectOption(country);
        page.locator("#person-email").fill(email);
        page.locator("#submit-individual").click();
        assertThat(page.locator("#signon-notice")).containsText("confirm your signature");
        assertThat(page.locator("#endorsements")).not().containsText("Samira Haddad");
        String mail = publications.jdbc().sql("SELECT body_text FROM mail_outbox WHERE recipient = ?").param(email).query(String.class).single();
        Matcher link = Pattern.compile("https?://[^/\\s]+(/sign-on/confirm/[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).isTrue();
        page.navigate(url(link.group(1)));
        assertThat(page.locator("#signon-confirmed")).containsText("Samira Haddad");

        // The public list: grouped by region and country, with counts.
        page.navigate(url(signOnPage));
        assertThat(page.locator("#signon-counts")).hasText("3 organizations from 3 countries, 1 individual");
        var north = page.locator(".signon-region", new Page.LocatorOptions().setHasText(corner.north().name().in("en")));
        assertThat(north.locator("[data-country=" + country + "]")).containsText(orgName);
        assertThat(north.locator("[data-country=FI]")).containsText(corner.member().name());
        assertThat(page.locator(".signon-region", new Page.LocatorOptions().setHasText("Other")).locator("[data-country=" + lonelyCountry + "]"))
                .containsText(lonelyName);
        assertThat(page.locator("#signon-individuals")).containsText("Samira Haddad, teacher");
        screenshot("signon-en");

        try (BrowserContext axeContext = browser().newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1280, 900))) {
            Page axe = axeContext.newPage();
            axe.navigate(url(signOnPage));
            assertThat(Accessibility.violations(axe)).isEmpty();
            axe.navigate(url(signOnPage + "?lang=ar"));
            assertThat(Accessibility.violations(axe)).isEmpty();
        }

        Page arabic = newPage(1280, 900, "ar");
        arabic.navigate(url(signOnPage + "?lang=ar"));
        assertThat(arabic.locator("html")).hasAttribute("dir", "rtl");
        assertThat(arabic.locator("h1")).hasText(arabicTitle);
        assertThat(arabic.locator("#sign-on-title")).hasText("وقّعوا على هذا البيان");
        screenshot(arabic, "signon-ar");
        arabic.context().close();

        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url(signOnPage));
        assertThat(phone.locator("#org-name")).isVisible();
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot(phone, "signon-phone");
        phone.context().close();
    }
}
