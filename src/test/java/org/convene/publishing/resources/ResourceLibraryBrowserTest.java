package org.convene.publishing.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.UUID;
import org.convene.support.Accessibility;
import org.convene.support.BrowserTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff upload a PDF with its title and description in English and Arabic and publish it; readers
 * find it in the library with the filters, in English, in Arabic (right to left) and on a phone,
 * and download exactly the bytes that were sent, which staff then see counted.
 */
class ResourceLibraryBrowserTest extends BrowserTest {

    @Autowired
    TestStaff staff;

    private final java.util.List<BrowserContext> contexts = new java.util.ArrayList<>();

    /** Contexts that let axe be injected past the Content-Security-Policy (the pages themselves have no inline script). */
    @BeforeEach
    void axeReadyPage() {
        context.close();
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB").setBypassCSP(true));
        page = context.newPage();
    }

    @AfterEach
    void closeOthers() {
        contexts.forEach(BrowserContext::close);
    }

    private Page open(int width, int height, String locale) {
        BrowserContext other = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale(locale)
                .setBypassCSP(true));
        contexts.add(other);
        return other.newPage();
    }

    @Test
    void staffPublishAPdfThatReadersFindAndDownload() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Neighbourhood assembly toolkit " + tag;
        String arabicTitle = "دليل جمعية الحي " + tag;
        byte[] pdf = ResourceTestFiles.pdf(title);

        logIn(staff.networkAdmin());
        page.navigate(url("/admin/resources/new"));
        page.locator("#title-en").fill(title);
        page.locator("#title-ar").fill(arabicTitle);
        page.locator("#description-en").fill("How to call, chair and record an open assembly of neighbours.");
        page.locator("#description-ar").fill("كيف تدعو إلى جمعية مفتوحة للجيران وتديرها وتدوّن قراراتها.");
        page.locator("#language-en").check();
        page.locator("#language-ar").check();
        page.locator("#tags").fill("assemblies, toolkit-" + tag);
        page.locator("#file").setInputFiles(new FilePayload("toolkit.pdf", "application/pdf", pdf));
        assertThat(Accessibility.violations(page)).isEmpty();
        page.locator("#save-resource").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/admin/resources/\\d+$"));
        assertThat(page.locator("[role=status]").textContent()).contains("The resource is saved.");
        screenshot("resources-admin-form-en");

        page.navigate(url("/admin/resources"));
        Locator row = page.locator("#resource-table tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row.locator("td").nth(3).textContent()).isEqualTo("Draft");
        row.locator("button", new Locator.LocatorOptions().setHasText("Publish")).click();
        assertThat(page.locator("[role=status]").textContent()).contains("The resource is published.");
        row = page.locator("#resource-table tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row.locator(".resource-downloads").textContent()).isEqualTo("0");
        assertThat(Accessibility.violations(page)).isEmpty();

        // a reader, not logged in
        Page reader = open(1280, 900, "en-GB");
        reader.navigate(url("/resources"));
        assertThat(reader.locator(".resource-list").textContent()).contains(title);
        reader.locator("#q").fill("assembly toolkit " + tag);
        reader.locator("#language").selectOption("ar");
        reader.locator("#type").selectOption("document");
        reader.locator(".resource-filters button[type=submit]").click();
        reader.waitForURL("**/resources?q=*");
        assertThat(reader.locator(".resource-item").count()).isEqualTo(1);
        assertThat(reader.locator(".resource-item h2").textContent()).isEqualTo(title);
        assertThat(Accessibility.violations(reader)).isEmpty();
        screenshot(reader, "resources-list-en");
        reader.locator("#q").fill("assembly toolkit " + tag);
        reader.locator("#language").selectOption("fr");
        reader.locator(".resource-filters button[type=submit]").click();
        reader.waitForURL("**language=fr*");
        assertThat(reader.locator(".resource-item").count()).isZero();

        reader.navigate(url("/resources?tag=toolkit-" + tag));
        reader.locator(".resource-item h2 a").click();
        assertThat(reader.locator("h1").textContent()).isEqualTo(title);
        assertThat(reader.locator("meta[property='og:title']").getAttribute("content")).isEqualTo(title);
        assertThat(reader.locator(".resource-facts").textContent()).contains("English").contains("العربية").contains("PDF");
        Download download = reader.waitForDownload(() -> reader.locator("#download").click());
        assertThat(download.suggestedFilename()).isEqualTo("Neighbourhood-assembly-toolkit-" + tag + ".pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(pdf);
        assertThat(Accessibility.violations(reader)).isEmpty();
        screenshot(reader, "resources-page-en");

        Page arabic = open(1280, 900, "ar");
        arabic.navigate(url("/resources?lang=ar&tag=toolkit-" + tag));
        assertThat(arabic.locator("html").getAttribute("dir")).isEqualTo("rtl");
        assertThat(arabic.locator(".resource-item h2").textContent()).isEqualTo(arabicTitle);
        screenshot(arabic, "resources-list-ar");
        arabic.locator(".resource-item h2 a").click();
        assertThat(arabic.locator("h1").textContent()).isEqualTo(arabicTitle);
        assertThat(arabic.locator("h1").getAttribute("lang")).isEqualTo("ar");
        assertThat(Accessibility.violations(arabic)).isEmpty();
        screenshot(arabic, "resources-page-ar");

        Page phone = open(390, 844, "en-GB");
        phone.navigate(url("/resources?tag=toolkit-" + tag));
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot(phone, "resources-list-phone");
        phone.locator(".resource-item h2 a").click();
        assertThat(Accessibility.violations(phone)).isEmpty();
        screenshot(phone, "resources-page-phone");

        page.navigate(url("/admin/resources"));
        row = page.locator("#resource-table tr", new Page.LocatorOptions().setHasText(title));
        assertThat(row.locator(".resource-downloads").textContent()).isEqualTo("1");
    }

    @Test
    void aRefusedUploadSaysWhyNextToTheFileAndKeepsTheOtherFields() {
        logIn(staff.networkAdmin());
        page.navigate(url("/admin/resources/new"));
        page.locator("#title-en").fill("Not really a PDF");
        page.locator("#language-en").check();
        page.locator("#file").setInputFiles(new FilePayload("guide.pdf", "application/pdf", ResourceTestFiles.program()));
        page.locator("#save-resource").click();
        assertThat(page.locator("#file-error").textContent()).contains("This kind of file is not accepted");
        assertThat(page.locator("#file").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#title-en").inputValue()).isEqualTo("Not really a PDF");
        page.locator("#title-en").fill("");
        page.locator("#url").fill("javascript:alert(1)");
        page.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload[0]);
        page.locator("#save-resource").click();
        assertThat(page.locator("#title-error").textContent()).contains("A title is required");
        assertThat(page.locator("#url-error").textContent()).contains("http:// or https://");
        assertThat(Accessibility.violations(page)).isEmpty();
        screenshot("resources-admin-errors-en");

        // where the upload filter sends a file over the multipart limit (ResourceFileCheckTest sends one)
        page.navigate(url("/admin/resources/new?tooLarge"));
        assertThat(page.locator("#file-error").textContent()).contains("The file is larger than the library accepts.");
    }
}
