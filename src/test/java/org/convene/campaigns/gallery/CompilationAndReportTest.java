package org.convene.campaigns.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convene.accounts.StaffRole;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.convene.events.MemberNetworkFixtures;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The compilation ZIP read back entry by entry, and the report's figures. */
@ConveneTest
class CompilationAndReportTest {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired CampaignFixtures campaigns;
    @Autowired FootageFixtures footage;
    @Autowired MemberNetworkFixtures network;

    private HttpResponse<InputStream> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String text(HttpResponse<InputStream> response) throws Exception {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCompilationHoldsEachApprovedOriginalAndAManifestRowForIt() throws Exception {
        MemberNetworkFixtures.Corner corner = network.corner();
        Campaign campaign = campaigns.open();
        long action = footage.action(campaign, corner.member().id(), "Lakeside rally at the pier", "FI", 60.45, 22.27);
        FootageFixtures.Stored photo = footage.insert(campaign, FootageFixtures.photo().action(action).asFeatured()
                .caption("Boats, banners and \"clean water\""));
        FootageFixtures.Stored video = footage.insert(campaign, FootageFixtures.photo().video().status("APPROVED").caption("March"));
        FootageFixtures.Stored pending = footage.insert(campaign, FootageFixtures.photo());
        FootageFixtures.Stored rejected = footage.insert(campaign, FootageFixtures.photo().status("REJECTED"));

        HttpResponse<InputStream> response = get("/api/v1/campaigns/" + campaign.id() + "/footage/compilation.zip",
                staff.apiToken(staff.networkAdmin()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(campaign.slug());

        Map<String, byte[]> entries = new HashMap<>();
        List<String> order = new java.util.ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                entries.put(entry.getName(), bytes.toByteArray());
                order.add(entry.getName());
            }
        }
        assertThat(order).hasSize(3).last().isEqualTo("manifest.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(entries.get("manifest.csv"), StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().getParser().getHeaderNames())
                .containsExactly("file", "caption", "credit", "place", "action", "organization", "country", "time", "kind", "featured");

        CSVRecord first = rows.get(0);
        assertThat(first.get("file")).isEqualTo("0001-lakeside-rally-at-the-pier.jpg");
        assertThat(first.get("caption")).isEqualTo("Boats, banners and \"clean water\"");
        assertThat(first.get("credit")).isEqualTo("R. Lind");
        assertThat(first.get("place")).isEqualTo("Harbour square");
        assertThat(first.get("action")).isEqualTo("Lakeside rally at the pier");
        assertThat(first.get("organization")).isEqualTo(corner.member().name());
        assertThat(first.get("country")).isEqualTo("FI");
        assertThat(first.get("kind")).isEqualTo("photo");
        assertThat(first.get("featured")).isEqualTo("true");
        assertThat(OffsetDateTime.parse(first.get("time")).getOffset()).isEqualTo(campaign.zone().getRules()
                .getOffset(OffsetDateTime.parse(first.get("time")).toInstant()));
        assertThat(entries.get(first.get("file"))).isEqualTo(Files.readAllBytes(photo.file()));

        CSVRecord second = rows.get(1);
        assertThat(second.get("file")).isEqualTo("0002-" + campaign.slug() + ".mp4");
        assertThat(second.get("kind")).isEqualTo("video");
        assertThat(second.get("organization")).isEmpty();
        assertThat(entries.get(second.get("file"))).isEqualTo(Files.readAllBytes(video.file()));
        assertThat(new String(entries.get("manifest.csv"), StandardCharsets.UTF_8))
                .doesNotContain(pending.storedName()).doesNotContain(rejected.storedName()).doesNotContain("@example.net");
    }

    @Test
    void onlyNetworkAdminsDownloadTheCompilation() throws Exception {
        Campaign campaign = campaigns.open();
        String path = "/api/v1/campaigns/" + campaign.id() + "/footage/compilation.zip";
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, staff.apiToken(staff.create(StaffRole.ORG_ADMIN, 70_000L))).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/campaigns/987654321/footage/compilation.zip", staff.apiToken(staff.networkAdmin())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theReportCountsActionsByCountryAndRegionAndTheApprovedFootage() throws Exception {
        MemberNetworkFixtures.Corner corner = network.corner();
        Campaign campaign = campaigns.open();
        long lakeside = footage.action(campaign, corner.member().id(), "Lakeside rally", "FI", 60.45, 22.27);
        footage.action(campaign, corner.partner().id(), "Riverbank teach-in", "SE", 59.33, 18.07);
        footage.action(campaign, corner.outsider().id(), "Coastal statement", "CL", null, null);
        long staffOnly = footage.action(campaign, corner.outsider().id(), "Closed meeting", "AR", -34.6, -58.4);
        footage.jdbc().sql("UPDATE local_action SET visibility = 'STAFF' WHERE id = :id").param("id", staffOnly).update();
        long proposed = footage.action(campaign, null, "Proposed picnic", "PT", 38.7, -9.1);
        footage.jdbc().sql("UPDATE local_action SET status = 'PROPOSED' WHERE id = :id").param("id", proposed).update();
        footage.insert(campaign, FootageFixtures.photo().action(lakeside).asFeatured().caption("Featured boats"));
        footage.insert(campaign, FootageFixtures.photo().status("APPROVED"));
        footage.insert(campaign, FootageFixtures.photo().video().status("APPROVED"));
        footage.insert(campaign, FootageFixtures.photo());

        String token = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, corner.member().id()));
        String json = text(get("/api/v1/campaigns/" + campaign.id() + "/report", token));
        assertThat(json).contains("\"actions\":4", "\"countries\":4", "\"regions\":2", "\"footageApproved\":3", "\"photos\":2",
                "\"videos\":1", "{\"regionId\":" + corner.north().id() + ",\"region\":\"" + corner.north().name().in("en") + "\",\"count\":2}",
                "{\"country\":\"CL\",\"count\":1}");

        HttpResponse<InputStream> page = get("/admin/campaigns/" + campaign.slug() + "/report", null);
        assertThat(page.statusCode()).isIn(302, 401);
        // the public report exists once the campaign is closed, without staff-only actions
        assertThat(get("/campaigns/" + campaign.slug() + "/report", null).statusCode()).isEqualTo(404);
        footage.jdbc().sql("UPDATE campaign SET status = 'CLOSED' WHERE id = :id").param("id", campaign.id()).update();
        String report = text(get("/campaigns/" + campaign.slug() + "/report", null));
        assertThat(report).contains("Lakeside rally", "Riverbank teach-in", "Coastal statement", "Featured boats")
                .doesNotContain("Closed meeting").doesNotContain("Proposed picnic").doesNotContain("organizer@example.net");
        assertThat(report).contains("id=\"total-actions\">3<");
        // two positioned public actions drawn on the map: Turku at x = 22.27 + 180, y = 90 - 60.45
        assertThat(report).contains("cx=\"202.27\" cy=\"29.55\"").contains("cx=\"198.07\"")
                .contains("x=\"205.27\" y=\"27.55\">FI</text>");
    }
}
