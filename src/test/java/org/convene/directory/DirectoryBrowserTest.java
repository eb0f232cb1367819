package org.convene.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convene.accounts.StaffRole;
import org.convene.directory.internal.Forms.OrganizationForm;
import org.convene.directory.internal.OrganizationService;
import org.convene.directory.internal.OrganizationStore;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextForm;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The directory in a real browser: admin forms, the public directory with filters, Arabic and a phone. */
class DirectoryBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    OrganizationService organizations;
    @Autowired
    OrganizationStore store;
    @Autowired
    org.convene.directory.internal.StructureService regions;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    void logIn(Page target, TestStaff.Login login) {
        target.navigate(url("/login"));
        target.locator("#email").fill(login.email());
        target.locator("#password").fill(login.password());
        target.locator("main button[type=submit]").click();
        target.waitForURL(u -> !u.endsWith("/login"));
        target.navigate(url("/admin"));
        assertThat(target.locator("h1")).hasText("Administration");
    }

    long seed(String name, String country, List<String> languages, TranslatedText description) {
        OrganizationForm form = new OrganizationForm();
        form.setName(name);
        form.setCountry(country);
        form.setLanguages(languages);
        form.setDescription(TranslatedTextForm.of(description));
        return organizations.create(form, null);
    }

    @Test
    void networkAdminCreatesAnOrganization() throws Exception {
        logIn(page, staff.networkAdmin());
        page.navigate(url("/admin/directory"));
        page.getByText("New organization").click();

        String name = "Browser Made Cooperative " + tag;
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Short name").fill("x".repeat(51));
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("#country-error")).containsText("required");
        assertThat(page.locator("#shortName-error")).containsText("50");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(name);

        // a tampered select: the server refuses a code that is not an ISO country
        page.getByLabel("Short name").fill("BMC");
        page.evaluate("document.querySelector('#country').options[1].value = 'XX'");
        page.locator("#country").selectOption(new SelectOption().setIndex(1));
        page.evaluate("document.querySelector('#languages').options[0].value = 'q1'");
        page.locator("#languages").selectOption(new SelectOption[] {new SelectOption().setIndex(0), new SelectOption().setValue("fr")});
        page.locator("#description-fr").fill("Une coopérative créée dans le navigateur.");
        page.locator("#description-ar").fill("تعاونية أُنشئت في المتصفح.");
        assertThat(page.locator("#description-ar")).hasAttribute("dir", "rtl");
        assertThat(page.locator("#description-ar")).hasAttribute("lang", "ar");
        page.locator("#logo").setInputFiles(new FilePayload("logo.png", "image/png", "not an image at all".getBytes(StandardCharsets.UTF_8)));
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("#country-error")).containsText("Choose a country from the list");
        assertThat(page.locator("#description-ar")).hasValue("تعاونية أُنشئت في المتصفح.");
        screenshot("directory-admin-errors");

        assertThat(page.locator("#languages-error")).containsText("Choose languages from the list");
        page.locator("#country").selectOption("SN");
        page.locator("#languages").selectOption(new String[] {"fr", "ar"});
        page.locator("#logo").setInputFiles(new FilePayload("logo.png", "image/png", "not an image at all".getBytes(StandardCharsets.UTF_8)));
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("#logo-error")).containsText("not an image we accept");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(name);

        page.locator("#logo").setInputFiles(new FilePayload("logo.png", "image/png", org.convene.media.TestImages.png(300, 200)));
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        assertThat(page.locator("h1")).hasText(name);

        page.getByText("View the public page").click();
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator("#description")).hasAttribute("lang", "fr");
        assertThat(page.locator("dl")).containsText("Senegal");
        Response logo = page.waitForResponse(r -> r.url().contains("/media/"), () -> page.reload());
        assertThat(logo.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(logo.headers().get("content-security-policy")).isEqualTo("default-src 'none'; sandbox");
        assertThat(logo.headers().get("content-type")).isIn("image/png", "image/jpeg");
        assertThat(logo.headers().get("cache-control")).contains("max-age=31536000");

        // the same name again, in other letter case, is refused next to the field
        page.navigate(url("/admin/directory/organizations/new"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name.toUpperCase());
        page.locator("#country").selectOption("SN");
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("#name-error")).containsText("already taken");
    }

    @Test
    void oversizedLogoGetsAMessageNotAnError() {
        logIn(page, staff.networkAdmin());
        page.navigate(url("/admin/directory/network"));
        page.locator("#logo").setInputFiles(new FilePayload("big.png", "image/png", new byte[5_500_000]));
        page.locator("main button[type=submit]").last().click();
        assertThat(page.locator("#logo-error")).containsText("too large");
    }

    @Test
    void publicDirectoryFiltersWithAndWithoutJavaScript() {
        String kenyan = "Filter Kenya Circle " + tag;
        String peruvian = "Filter Peru Circle " + tag;
        var regionForm = new org.convene.directory.internal.Forms.RegionForm();
        regionForm.setName(TranslatedTextForm.of(new TranslatedText("en", Map.of("en", "East Africa " + tag, "ar", "شرق أفريقيا " + tag))));
        long region = regions.createRegion(regionForm);
        long kenyanId = seed(kenyan, "KE", List.of("sw"), TranslatedText.of("en", "Tool library " + tag));
        seed(peruvian, "PE", List.of("qu", "es"), TranslatedText.of("es", "Biblioteca " + tag));
        store.byId(kenyanId).ifPresent(o -> store.update(new org.convene.directory.internal.Records.Organization(o.id(), o.name(),
                o.shortName(), o.slug(), o.country(), region, o.languages(), o.website(), o.socialHandles(), o.description(), o.logo(),
                o.status(), o.joinedOn())));

        page.navigate(url("/directory?q=" + tag));
        assertThat(page.locator("#group-east-africa-" + tag)).hasText("East Africa " + tag);
        assertThat(page.locator("section[aria-labelledby='group-east-africa-" + tag + "']")).containsText(kenyan);
        assertThat(page.locator("#group-other")).isVisible();
        page.locator("#region").selectOption("east-africa-" + tag);
        assertThat(page.locator("#results")).not().containsText(peruvian);
        assertThat(page.locator("#results")).containsText(kenyan);

        page.navigate(url("/directory?q=" + tag + "&country=PE"));
        assertThat(page.locator("#results")).containsText(peruvian);
        assertThat(page.locator("#results")).not().containsText(kenyan);

        page.navigate(url("/directory?q=" + tag));
        assertThat(page.locator("#results")).containsText(kenyan);
        page.locator("#language").selectOption("sw");
        assertThat(page.locator("#results")).not().containsText(peruvian);
        assertThat(page.locator("#results")).containsText(kenyan);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*language=sw.*"));
        screenshot("directory-en");
    }

    @Test
    void arabicDirectoryIsRightToLeft() {
        String name = "Arabic Oasis House " + tag;
        seed(name, "JO", List.of("ar", "en"), new TranslatedText("en", Map.of("en", "A learning house.", "ar", "بيت تعلّم مجتمعي.")));
        page.navigate(url("/directory?lang=ar"));
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("h1")).hasText("دليل الأعضاء");
        screenshot("directory-ar");
        page.navigate(url("/directory/" + store.idByName(name).flatMap(store::byId).orElseThrow().slug()));
        assertThat(page.locator("#description")).hasAttribute("lang", "ar");
        assertThat(page.locator("#description")).hasText("بيت تعلّم مجتمعي.");
        assertThat(page.locator("dl")).containsText("الأردن");
        screenshot("organization-ar");
    }

    @Test
    void phoneSizedDirectoryDoesNotOverflow() {
        seed("Phone Width Collective With A Rather Long Name " + tag, "BR", List.of("pt"), TranslatedText.of("pt", "Rede " + tag));
        Page phone = newPage(390, 844, "en-GB");
        phone.navigate(url("/directory"));
        assertThat(phone.locator("h1")).isVisible();
        assertThat(phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        screenshot(phone, "directory-phone");
        phone.navigate(url("/directory?lang=ar"));
        assertThat(phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        screenshot(phone, "directory-phone-ar");
        phone.context().close();
    }

    @Test
    void adminPagesNeedTheRightAccount() {
        long a = seed("Access Org A " + tag, "FR", List.of("fr"), TranslatedText.empty());
        long b = seed("Access Org B " + tag, "FR", List.of("fr"), TranslatedText.empty());

        for (String path : List.of("/admin/directory", "/admin/directory/network", "/admin/directory/organizations/new",
                "/admin/directory/organizations/" + a, "/admin/directory/import", "/admin/directory/regions/new",
                "/admin/directory/bodies/new", "/admin/directory/projects/new", "/admin/directory/organizations.csv")) {
            page.navigate(url(path));
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        }

        logIn(page, staff.create(StaffRole.ORG_EDITOR, a));
        for (String path : List.of("/admin/directory", "/admin/directory/network", "/admin/directory/organizations/new",
                "/admin/directory/organizations/" + b, "/admin/directory/import", "/admin/directory/regions/new",
                "/admin/directory/bodies/new", "/admin/directory/projects/new", "/admin/directory/organizations.csv")) {
            assertThat(page.navigate(url(path)).status()).as(path).isEqualTo(403);
        }
        page.navigate(url("/admin"));
        page.getByText("Edit my organization's profile").click();
        assertThat(page.locator("h1")).hasText("Access Org A " + tag);
        assertThat(page.locator("#status")).hasCount(0);
        assertThat(page.locator("#regionId")).hasCount(0);
        page.getByLabel("Short name").fill("AOA");
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        assertThat(store.byId(a).orElseThrow().shortName()).isEqualTo("AOA");

        // another organization's form, posted anyway, is refused and changes nothing
        String token = (String) page.evaluate("document.querySelector('input[name=_csrf]').value");
        var response = page.request().post(url("/admin/directory/organizations/" + b),
                com.microsoft.playwright.options.RequestOptions.create().setForm(com.microsoft.playwright.options.FormData.create()
                        .set("_csrf", token).set("name", "Hijacked " + tag).set("country", "FR")));
        assertThat(response.status()).isEqualTo(403);
        var status = page.request().post(url("/admin/directory/organizations/" + a + "/status"),
                com.microsoft.playwright.options.RequestOptions.create().setForm(com.microsoft.playwright.options.FormData.create()
                        .set("_csrf", token).set("status", "SUSPENDED")));
        assertThat(status.status()).isEqualTo(403);
        assertThat(store.byId(b).orElseThrow().name()).isEqualTo("Access Org B " + tag);
        assertThat(store.byId(a).orElseThrow().status()).isEqualTo("ACTIVE");
    }
}
