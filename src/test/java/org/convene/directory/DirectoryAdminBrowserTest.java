package org.convene.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.convene.directory.internal.OrganizationStore;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Network admins manage the network profile, regions, bodies, partner projects and CSV import in the browser; every change is audited. */
class DirectoryAdminBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;
    @Autowired
    OrganizationStore organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.convene.directory.internal.OrganizationService organizationService;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    void logInAsAdmin() {
        TestStaff.Login admin = staff.networkAdmin();
        page.navigate(url("/login"));
        page.locator("#email").fill(admin.email());
        page.locator("#password").fill(admin.password());
        page.locator("main button[type=submit]").click();
        page.waitForURL(u -> !u.endsWith("/login"));
    }

    void save() {
        page.locator("main button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
    }

    long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :a").param("a", action).query(Long.class).single();
    }

    @Test
    void regionsBodiesAndProjects() {
        var member = new org.convene.directory.internal.Forms.OrganizationForm();
        member.setName("Bureau Member " + tag);
        member.setCountry("CO");
        organizationService.create(member, null);
        logInAsAdmin();
        long regionsBefore = audited("directory.region.created");

        page.navigate(url("/admin/directory/regions/new"));
        save();
        assertThat(page.locator("#name-error")).containsText("required");
        page.locator("#name-en").fill("Region " + tag);
        page.locator("#name-ar").fill("منطقة " + tag);
        save();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        assertThat(page.locator("main")).containsText("Region " + tag);
        assertThat(audited("directory.region.created")).isEqualTo(regionsBefore + 1);

        page.navigate(url("/admin/directory/bodies/new"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Assembly Bureau " + tag);
        page.locator("#description-es").fill("La mesa de la asamblea.");
        save();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        page.locator("#member-org").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Bureau Member " + tag));
        page.locator("#member-role").selectOption("CHAIR");
        page.getByText("Add or change").click();
        assertThat(page.locator("table")).containsText("Chair");
        String bodyUrl = page.url();

        page.navigate(url("/admin/directory/bodies/new"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("ASSEMBLY BUREAU " + tag);
        save();
        assertThat(page.locator("#name-error")).containsText("already taken");

        page.navigate(url("/bodies/" + "assembly-bureau-" + tag));
        assertThat(page.locator("h1")).hasText("Assembly Bureau " + tag);
        assertThat(page.locator("table")).containsText("Chair");

        page.navigate(bodyUrl);
        page.locator("#active1").uncheck();
        save();
        assertThat(page.navigate(url("/bodies/assembly-bureau-" + tag)).status()).isEqualTo(404);

        page.navigate(url("/admin/directory/projects/new"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Seed Library Project " + tag);
        page.getByLabel("Website").fill("ftp://example.org");
        save();
        assertThat(page.locator("#website-error")).containsText("https://");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("Seed Library Project " + tag);
        page.getByLabel("Website").fill("https://example.org/seeds");
        save();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        page.navigate(url("/partner-projects"));
        assertThat(page.locator("main")).containsText("Seed Library Project " + tag);
    }

    @Test
    void networkProfile() {
        logInAsAdmin();
        page.navigate(url("/admin/directory/network"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("");
        page.getByLabel("Contact e-mail").fill("not-an-address");
        page.locator("#description-fr").fill("x".repeat(5001));
        save();
        assertThat(page.locator("#name-error")).containsText("required");
        assertThat(page.locator("#contactEmail-error")).containsText("valid e-mail");
        assertThat(page.locator("#description-error")).containsText("5000");
        assertThat(page.getByLabel("Contact e-mail")).hasValue("not-an-address");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Common Ground Test Network");
        page.getByLabel("Contact e-mail").fill("hello@example.org");
        page.locator("#description-fr").fill("Un réseau d'essai.");
        page.locator("#description-fallback").selectOption("fr");
        save();
        assertThat(page.locator("[role=status]")).containsText("Saved");
        page.navigate(url("/directory?lang=fr"));
        assertThat(page.locator(".navbar-brand")).hasText("Common Ground Test Network");
        assertThat(page.locator("p.lead")).hasAttribute("lang", "fr");
        page.navigate(url("/directory?lang=en"));
    }

    @Test
    void csvImportInTheBrowser() {
        logInAsAdmin();
        page.navigate(url("/admin/directory/import"));
        String bad = "name,country,languages\nCsv Browser One " + tag + ",KE,sw\n\"Csv Browser Two " + tag + ",XX,en\n";
        page.locator("#file").setInputFiles(new FilePayload("orgs.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
        page.getByText("Check and import").click();
        assertThat(page.locator("#import-problems")).containsText("Line 3");
        assertThat(page.locator("#import-problems")).containsText("Nothing was imported");
        assertThat(organizations.idByName("Csv Browser One " + tag)).isEmpty();

        String invalid = "name,country,languages\nCsv Browser One " + tag + ",KE,sw\nCsv Browser Two " + tag + ",XX,qq\n";
        page.locator("#file").setInputFiles(new FilePayload("orgs.csv", "text/csv", invalid.getBytes(StandardCharsets.UTF_8)));
        page.getByText("Check and import").click();
        assertThat(page.locator("#import-problems")).containsText("Line 3: Not an ISO 3166-1 two-letter country code: XX");
        assertThat(page.locator("#import-problems")).containsText("Not an ISO 639-1 two-letter language code: qq");
        screenshot("directory-import-errors");

        String good = "name,country,languages\nCsv Browser One " + tag + ",KE,sw\nCsv Browser Two " + tag + ",FR,fr\n";
        page.locator("#file").setInputFiles(new FilePayload("orgs.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)));
        page.getByText("Check and import").click();
        assertThat(page.locator("[role=status]")).containsText("2 organizations imported");
        assertThat(organizations.idByName("Csv Browser Two " + tag)).isPresent();

        var download = page.waitForDownload(() -> page.getByText("Export CSV").click());
        assertThat(download.suggestedFilename()).isEqualTo("organizations.csv");
    }
}
