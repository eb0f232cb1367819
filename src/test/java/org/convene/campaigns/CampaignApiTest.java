package org.convene.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.StaffRole;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaign;
import org.convene.media.MediaProperties;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Campaigns through the REST API: network admins create and change them, anyone reads open ones;
 * bad input, a refused toolkit file and a cover that is not an image are 400 problems that leave
 * nothing behind.
 */
@ConveneTest
class CampaignApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    CampaignFixtures fixtures;
    @Autowired
    MediaProperties media;

    private static String campaign(String title, String extra) {
        return """
                {"language":"en","title":{"en":"%s","es":"Día de las bibliotecas"},"call":{"en":"Keep **libraries** open."},
                 "firstDay":"2031-04-23","lastDay":"2031-04-24","timeZone":"America/Lima","status":"OPEN",
                 "slogans":[{"en":"Open doors","ar":"أبواب مفتوحة"},{"en":" "}],
                 "actionTypes":[{"type":"EDUCATION","guidance":{"en":"Read aloud in front of the library."},
                                 "links":[{"title":"Reading list","url":"https://example.org/list"}]}],
                 "hashtags":["#OpenLibraries"],"socialHandles":["@libraries@example.social"],"contactEmail":"libraries@example.org"%s}"""
                .formatted(title, extra);
    }

    @Test
    void aNetworkAdminCreatesAndChangesACampaignThatAnyoneReads() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        String title = "Library day " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = send("POST", "/api/v1/campaigns", token, campaign(title, ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"timeZone\":\"America/Lima\"").contains("\"hashtags\":[\"OpenLibraries\"]")
                .contains("\"slogans\":[{\"en\":\"Open doors\",\"ar\":\"أبواب مفتوحة\"}]")
                .contains("\"type\":\"EDUCATION\"").contains("\"url\":\"https://example.org/list\"");
        long id = id(created.body());
        assertThat(send("GET", "/api/v1/campaigns/" + id, null, null).body()).contains("\"call\":{\"en\":\"Keep **libraries** open.\"}");
        assertThat(send("GET", "/api/v1/campaigns", null, null).body()).contains("\"id\":" + id + ",");

        HttpResponse<String> changed = send("PUT", "/api/v1/campaigns/" + id, token,
                campaign(title, "").replace("\"status\":\"OPEN\"", "\"status\":\"DRAFT\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        // a draft: gone for the public, still there for network admins
        assertThat(send("GET", "/api/v1/campaigns/" + id, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/campaigns", null, null).body()).doesNotContain("\"id\":" + id + ",");
        assertThat(send("GET", "/api/v1/campaigns/" + id, token, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/campaigns", token, null).body()).contains("\"id\":" + id + ",");
    }

    @Test
    void onlyNetworkAdminsCreateOrChangeCampaigns() throws Exception {
        String editor = staff.apiToken(staff.create(StaffRole.ORG_ADMIN, 70_000 + (long) (Math.random() * 10_000)));
        assertThat(send("POST", "/api/v1/campaigns", editor, campaign("Not allowed", "")).statusCode()).isEqualTo(403);
        Campaign open = fixtures.open();
        assertThat(send("PUT", "/api/v1/campaigns/" + open.id(), editor, campaign("Not allowed", "")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/campaigns", null, campaign("Not allowed", "")).statusCode()).isIn(401, 403);
    }

    @Test
    void badInputIsAProblemNamingEachFieldAndNothingIsStored() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        String title = "Refused " + UUID.randomUUID().toString().substring(0, 6);
        String bad = campaign(title, "")
                .replace("\"lastDay\":\"2031-04-24\"", "\"lastDay\":\"2031-04-01\"")
                .replace("America/Lima", "America/Atlantis")
                .replace("https://example.org/list", "file:///etc/passwd")
                .replace("#OpenLibraries", "#open libraries")
                .replace("libraries@example.org", "libraries-at-example");
        HttpResponse<String> refused = send("POST", "/api/v1/campaigns", token, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"field\":\"lastDay\"").contains("\"field\":\"timeZone\"")
                .contains("\"field\":\"actionTypes.EDUCATION.links\"").contains("\"field\":\"hashtags\"")
                .contains("\"field\":\"contactEmail\"");
        HttpResponse<String> untitled = send("POST", "/api/v1/campaigns", token,
                campaign(" ", "").replace(",\"es\":\"Día de las bibliotecas\"", ""));
        assertThat(untitled.statusCode()).isEqualTo(400);
        assertThat(untitled.body()).contains("\"field\":\"title\"");
        String many = campaign(title, "").replace("\"slogans\":[", "\"slogans\":[" + "{\"en\":\"Open\"},".repeat(21));
        assertThat(send("POST", "/api/v1/campaigns", token, many).body()).contains("\"field\":\"slogans\"");
        assertThat(send("POST", "/api/v1/campaigns", token, "{\"title\":").statusCode()).isEqualTo(400);
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM campaign WHERE title->'values'->>'en' = ?").param(title)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aToolkitFileIsAcceptedByItsContentAndServedAsAnAttachment() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Campaign campaign = fixtures.create(CampaignFixtures.full().build());
        Path dir = media.dir().resolve("toolkit");
        long filesBefore = countFiles(dir);
        int rowsBefore = toolkitRows(campaign.id());

        // an executable renamed .pdf
        byte[] executable = new byte[512];
        executable[0] = 'M';
        executable[1] = 'Z';
        executable[60] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, executable, 0x80, 4);
        HttpResponse<String> refused = upload("/api/v1/campaigns/" + campaign.id() + "/toolkit-files", token, "file", "briefing.pdf",
                "application/pdf", executable, "PHOTO_ACTION", "Briefing");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"toolkitFile\"");
        // a type the campaign does not suggest
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(upload("/api/v1/campaigns/" + campaign.id() + "/toolkit-files", token, "file", "briefing.pdf", "application/pdf",
                pdf, "BOYCOTT", "Briefing").body()).contains("\"field\":\"toolkitType\"");
        assertThat(countFiles(dir)).isEqualTo(filesBefore);
        assertThat(toolkitRows(campaign.id())).isEqualTo(rowsBefore);

        HttpResponse<String> added = upload("/api/v1/campaigns/" + campaign.id() + "/toolkit-files", token, "file", "x.exe",
                "application/x-msdownload", pdf, "PHOTO_ACTION", "Sign briefing");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        Matcher url = Pattern.compile("\"url\":\"http://localhost:8080(/campaigns/[^\"]+)\"").matcher(added.body());
        assertThat(url.find()).isTrue();
        assertThat(url.group(1)).matches("/campaigns/" + campaign.slug() + "/toolkit/[0-9a-f]{32}\\.pdf");
        HttpResponse<String> download = send("GET", url.group(1), null, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).startsWith("attachment").contains("Sign briefing.pdf"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("sandbox"));
        assertThat(send("GET", "/campaigns/" + campaign.slug(), null, null).body()).contains("Sign briefing");
    }

    @Test
    void aCoverThatIsNotAnImageIsRefusedAndAnImageIsStored() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Campaign campaign = fixtures.create(CampaignFixtures.full().build());
        long filesBefore = countFiles(media.dir());
        HttpResponse<String> refused = upload("/api/v1/campaigns/" + campaign.id() + "/cover", token, "cover", "cover.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"cover\"");
        assertThat(countFiles(media.dir())).isEqualTo(filesBefore);

        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        HttpResponse<String> stored = upload("/api/v1/campaigns/" + campaign.id() + "/cover", token, "cover", "cover.png", "image/png",
                png.toByteArray(), null, null);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).containsPattern("\"coverImageUrl\":\"http://localhost:8080/media/[0-9a-f]{32}\\.(jpg|png)\"");
        assertThat(send("GET", "/campaigns/" + campaign.slug(), null, null).body()).contains("property=\"og:image\"");
    }

    @Test
    void campaignsAreInTheOpenApiDocument() throws Exception {
        String openApi = send("GET", "/api/openapi.json", null, null).body();
        assertThat(openApi).contains("\"/api/v1/campaigns\"").contains("\"/api/v1/campaigns/{id}\"")
                .contains("\"/api/v1/campaigns/{id}/cover\"").contains("\"/api/v1/campaigns/{id}/toolkit-files\"")
                .contains("CampaignDocument").contains("Creates a campaign (network admins)");
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private int toolkitRows(long campaignId) {
        return fixtures.jdbc().sql("SELECT count(*) FROM campaign_toolkit_file WHERE campaign_id = ?").param(campaignId)
                .query(Integer.class).single();
    }

    private static long countFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String path, String token, String field, String fileName, String contentType, byte[] content,
                                        String type, String title) throws Exception {
        String boundary = "----convene" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (type != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (title != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
