package org.convene.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.convene.directory.internal.Forms.OrganizationForm;
import org.convene.directory.internal.OrganizationService;
import org.convene.directory.internal.OrganizationStore;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextForm;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every form works without JavaScript: with scripts switched off in the browser, the directory's
 * filter form and the staff login and organization form still do their job. Also runs the
 * accessibility check on the directory's public pages in English and Arabic.
 */
class DirectoryWithoutJavaScriptBrowserTest extends BrowserTest {

    @Autowired
    OrganizationService organizations;
    @Autowired
    OrganizationStore store;
    @Autowired
    TestStaff staff;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    private long seed(String name, String country, String language) {
        OrganizationForm form = new OrganizationForm();
        form.setName(name);
        form.setCountry(country);
        form.setLanguages(List.of(language));
        form.setDescription(TranslatedTextForm.of(TranslatedText.of("en", "Neighbourhood work " + tag)));
        return organizations.create(form, null);
    }

    @Test
    void directoryFilterAndStaffFormsWorkWithoutJavaScript() {
        String chilean = "Valley Water Circle " + tag;
        String malaysian = "Harbour Reading Circle " + tag;
        seed(chilean, "CL", "es");
        seed(malaysian, "MY", "ms");

        try (BrowserContext noScript = BrowserTest.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page plain = noScript.newPage();
            plain.navigate(url("/directory"));
            plain.locator("#q").fill(tag);
            plain.locator("#country").selectOption("MY");
            plain.locator(".directory-filters button[type=submit]").click();
            assertThat(plain).hasURL(java.util.regex.Pattern.compile(".*country=MY.*"));
            assertThat(plain.locator("#results")).containsText(malaysian);
            assertThat(plain.locator("#results")).not().containsText(chilean);

            TestStaff.Login admin = staff.networkAdmin();
            plain.navigate(url("/login"));
            plain.locator("#email").fill(admin.email());
            plain.locator("#password").fill(admin.password());
            plain.locator("main button[type=submit]").click();
            assertThat(plain.locator("h1")).hasText("Administration");

            plain.navigate(url("/admin/directory/organizations/new"));
            String created = "No Script Cooperative " + tag;
            plain.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(created);
            plain.locator("#country").selectOption("GH");
            plain.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
            assertThat(store.idByName(created)).isPresent();
        }
    }

    @Test
    void directoryPagesHaveNoSeriousAccessibilityViolations() {
        String name = "Lantern Study Group " + tag;
        long id = seed(name, "MA", "ar");
        String slug = store.byId(id).orElseThrow().slug();
        try (BrowserContext axeContext = BrowserTest.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page target = axeContext.newPage();
            for (String path : List.of("/directory", "/directory?lang=ar", "/directory/" + slug, "/directory/" + slug + "?lang=ar",
                    "/partner-projects")) {
                target.navigate(url(path));
                assertThat(org.convene.support.Accessibility.violations(target))
                        .as("serious accessibility violations on %s", path).isEmpty();
            }
        }
    }
}
