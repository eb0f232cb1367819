package org.convene.publishing.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.publishing.resources.ResourceTestFiles.MULTIPART;
import static org.convene.publishing.resources.ResourceTestFiles.json;
import static org.convene.publishing.resources.ResourceTestFiles.multipart;
import static org.convene.publishing.resources.ResourceTestFiles.send;
import static org.convene.publishing.resources.ResourceTestFiles.unique;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convene.accounts.StaffRole;
import org.convene.events.MemberNetworkFixtures;
import org.convene.media.MediaProperties;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The library through the API and its downloads: staff create, change, replace and delete; anyone
 * reads published resources; downloads and click-throughs are counted; files are served as
 * attachments that a browser will not run.
 */
@ConveneTest
class ResourceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    MediaProperties media;
    @Autowired
    DownloadCounter counter;
    @Autowired
    MemberNetworkFixtures network;

    static long id(String body) {
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
    }

    static String field(String body, String name) {
        return body.replaceAll("(?s).*\"" + name + "\":\"([^\"]*)\".*", "$1");
    }

    @Test
    void aPublishedFileIsListedFilteredAndDownloadedAsAnAttachmentAndCounted() {
        String token = staff.apiToken(staff.networkAdmin());
        String title = unique("Tenant organizing handbook");
        byte[] pdf = ResourceTestFiles.pdf(title);
        ResourceTestFiles.Response created = send(port, "POST", "/api/v1/resources", token, MULTIPART,
                multipart(json(title, "[\"en\",\"ar\"]", "\"tags\":[\"Housing\",\"handbook\"]"), "handbook.pdf", "application/pdf", pdf));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = id(created.body());
        assertThat(created.body()).contains("\"fileType\":\"application/pdf\"").contains("\"fileSize\":" + pdf.length)
                .contains("\"tags\":[\"housing\",\"handbook\"]");

        String word = title.substring(title.length() - 8);
        assertThat(send(port, "GET", "/api/v1/resources?q=" + word, null, null, null).body()).contains("\"id\":" + id);
        assertThat(send(port, "GET", "/api/v1/resources?q=" + word + "&language=ar&type=document&tag=housing", null, null, null).body())
                .contains("\"id\":" + id);
        assertThat(send(port, "GET", "/api/v1/resources?q=" + word + "&language=fr", null, null, null).body()).doesNotContain("\"id\":" + id);
        assertThat(send(port, "GET", "/api/v1/resources?q=" + word + "&type=link", null, null, null).body()).isEqualTo("[]");
        ResourceTestFiles.Response badFilter = send(port, "GET", "/api/v1/resources?type=video&language=xx", null, null, null);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body()).contains("\"field\":\"type\"").contains("\"field\":\"language\"");

        String path = field(created.body(), "downloadUrl").replaceAll("^http://[^/]+", "");
        ResourceTestFiles.Response download = send(port, "GET", path, null, null, null);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename*=UTF-8''Tenant-organizing-handbook-").endsWith(".pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; sandbox");
        assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable").contains("max-age=31536000");
        assertThat(ResourceTestFiles.getBytes(port, path)).isEqualTo(pdf);
        counter.flush();
        assertThat(send(port, "GET", "/api/v1/resources/" + id, null, null, null).body()).contains("\"downloads\":2");
    }

    @Test
    void aLinkClickThroughGoesOnlyToTheStoredAddressAndIsCounted() {
        String token = staff.apiToken(staff.networkAdmin());
        ResourceTestFiles.Response created = send(port, "POST", "/api/v1/resources", token, "application/json",
                json(unique("Course"), "[\"pt\"]", "\"url\":\"https://example.org/course?lesson=1\"").getBytes());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = id(created.body());
        ResourceTestFiles.Response go = send(port, "GET", "/resources/" + id + "/go", null, null, null);
        assertThat(go.status()).isEqualTo(303);
        assertThat(go.headers().firstValue("Location")).hasValue("https://example.org/course?lesson=1");
        assertThat(send(port, "GET", "/resources/" + id + "/go?url=https://elsewhere.example", null, null, null)
                .headers().firstValue("Location")).hasValue("https://example.org/course?lesson=1");
        counter.flush();
        assertThat(send(port, "GET", "/api/v1/resources/" + id, null, null, null).body()).contains("\"downloads\":2");
    }

    @Test
    void draftsAreHiddenFromThePublicAndTheirFilesToo() {
        String token = staff.apiToken(staff.networkAdmin());
        String json = json(unique("Draft dossier"), "[\"en\"]", null).replace("PUBLISHED", "DRAFT");
        ResourceTestFiles.Response created = send(port, "POST", "/api/v1/resources", token, MULTIPART,
                multipart(json, "d.pdf", "application/pdf", ResourceTestFiles.pdf("Draft")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = id(created.body());
        String path = field(created.body(), "downloadUrl").replaceAll("^http://[^/]+", "");
        assertThat(send(port, "GET", "/api/v1/resources/" + id, null, null, null).status()).isEqualTo(404);
        assertThat(send(port, "GET", "/api/v1/resources/" + id, token, null, null).status()).isEqualTo(200);
        assertThat(send(port, "GET", "/resources/" + id, null, null, null).status()).isEqualTo(404);
        assertThat(send(port, "GET", path, null, null, null).status()).isEqualTo(404);
    }

    @Test
    void replacingTheFileRemovesTheOldOneAndDeletingRemovesBoth() {
        String token = staff.apiToken(staff.networkAdmin());
        String title = unique("Dossier");
        ResourceTestFiles.Response created = send(port, "POST", "/api/v1/resources", token, MULTIPART,
                multipart(json(title, "[\"en\"]", null), "a.pdf", "application/pdf", ResourceTestFiles.pdf("First")));
        long id = id(created.body());
        Path first = media.dir().resolve("documents").resolve(field(created.body(), "downloadUrl").replaceAll(".*/", ""));
        assertThat(first).exists();

        ResourceTestFiles.Response replaced = send(port, "PUT", "/api/v1/resources/" + id, token, MULTIPART,
                multipart(json(title, "[\"en\",\"fr\"]", null), "b.docx", "application/octet-stream", ResourceTestFiles.docx()));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        Path second = media.dir().resolve("documents").resolve(field(replaced.body(), "downloadUrl").replaceAll(".*/", ""));
        assertThat(second).exists();
        assertThat(first).doesNotExist();
        assertThat(replaced.body()).contains("\"languages\":[\"en\",\"fr\"]").contains("wordprocessingml");

        ResourceTestFiles.Response refused = send(port, "PUT", "/api/v1/resources/" + id, token, MULTIPART,
                multipart(json(title, "[\"en\"]", null), "c.pdf", "application/pdf", ResourceTestFiles.html()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(second).exists();

        assertThat(send(port, "DELETE", "/api/v1/resources/" + id, token, null, null).status()).isEqualTo(204);
        assertThat(Files.exists(second)).isFalse();
        assertThat(send(port, "GET", "/api/v1/resources/" + id, token, null, null).status()).isEqualTo(404);
    }

    @Test
    void organizationStaffManageOnlyTheirOrganizationsResources() {
        MemberNetworkFixtures.Corner corner = network.corner();
        long own = corner.member().id();
        long other = corner.partner().id();
        String editor = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, own));
        String link = "\"url\":\"https://example.org/x\",\"organizationId\":";
        assertThat(send(port, "POST", "/api/v1/resources", editor, "application/json",
                json(unique("Own"), "[\"en\"]", link + own).getBytes()).status()).isEqualTo(201);
        assertThat(send(port, "POST", "/api/v1/resources", editor, "application/json",
                json(unique("Other"), "[\"en\"]", link + other).getBytes()).status()).isEqualTo(403);
        assertThat(send(port, "POST", "/api/v1/resources", editor, "application/json",
                json(unique("Network"), "[\"en\"]", "\"url\":\"https://example.org/x\"").getBytes()).status()).isEqualTo(403);
        assertThat(send(port, "POST", "/api/v1/resources", null, "application/json",
                json(unique("Anonymous"), "[\"en\"]", "\"url\":\"https://example.org/x\"").getBytes()).status()).isEqualTo(401);
        String admin = staff.apiToken(staff.networkAdmin());
        long networkOwned = id(send(port, "POST", "/api/v1/resources", admin, "application/json",
                json(unique("Network"), "[\"en\"]", "\"url\":\"https://example.org/x\"").getBytes()).body());
        assertThat(send(port, "DELETE", "/api/v1/resources/" + networkOwned, editor, null, null).status()).isEqualTo(403);
    }

    @Autowired
    DemoResources demo;

    /** Keeps the demo PDF in target/ for a look with a PDF reader. */
    private static void write(byte[] pdf) {
        try {
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(Path.of("target", "screenshots", "demo-toolkit.pdf"), pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theDemoNetworkGetsAToolkitPdfAndTwoLinks() {
        demo.on(new org.convene.directory.DemoNetworkLoaded(0)); // a module listener: runs asynchronously
        String list = "[]";
        for (int i = 0; i < 100 && list.equals("[]"); i++) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            list = send(port, "GET", "/api/v1/resources?q=Shared%20kitchens%20toolkit", null, null, null).body();
        }
        assertThat(list).contains("\"fileType\":\"application/pdf\"").contains("\"ar\":\"دليل المطابخ المشتركة\"");
        String path = field(list, "downloadUrl").replaceAll("^http://[^/]+", "");
        byte[] pdf = ResourceTestFiles.getBytes(port, path);
        write(pdf);
        assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4");
        assertThat(send(port, "GET", "/api/v1/resources?q=open%20assembly&type=link", null, null, null).body())
                .contains("\"link\":\"https://example.org/courses/open-assembly\"");
    }
}
