package org.convene.campaigns.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.convene.accounts.StaffRole;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.convene.events.MemberNetworkFixtures;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Moderation through the API: each kind of bad input is a problem that changes nothing, organization
 * staff moderate only their organization's footage, and the public never sees what is not approved.
 */
@ConveneTest
class FootageModerationApiTest {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired CampaignFixtures campaigns;
    @Autowired FootageFixtures footage;
    @Autowired MemberNetworkFixtures network;

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

    private HttpResponse<String> moderate(String token, long id, String json) throws Exception {
        return send("POST", "/api/v1/footage/" + id + "/moderation", token, json);
    }

    private String caption(long id) {
        return footage.jdbc().sql("SELECT caption FROM footage WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void anAdminApprovesWithANewCaptionAndTheChangeIsRecordedAndAudited() throws Exception {
        TestStaff.Login admin = staff.networkAdmin();
        Campaign campaign = campaigns.open();
        FootageFixtures.Stored item = footage.insert(campaign, FootageFixtures.photo());
        HttpResponse<String> approved = moderate(staff.apiToken(admin), item.id(),
                "{\"decision\":\"approve\",\"caption\":\"  Boats with banners  \",\"campaignId\":" + campaign.id() + "}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"APPROVED\"").contains("\"caption\":\"Boats with banners\"");
        assertThat(footage.jdbc().sql("SELECT moderated_by FROM footage WHERE id = :id").param("id", item.id())
                .query(Long.class).single()).isEqualTo(admin.id());
        assertThat(footage.jdbc().sql("SELECT count(*) FROM audit_entry WHERE action = 'footage.approve' AND record_id = :id")
                .param("id", String.valueOf(item.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownDecisionATooLongCaptionAndAnotherCampaignAreRefusedWithoutAChange() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Campaign campaign = campaigns.open();
        Campaign other = campaigns.open();
        FootageFixtures.Stored item = footage.insert(campaign, FootageFixtures.photo());

        HttpResponse<String> unknown = moderate(token, item.id(), "{\"decision\":\"publish\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(unknown.body()).contains("\"field\":\"decision\"");

        HttpResponse<String> missing = moderate(token, item.id(), "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"decision\"");

        HttpResponse<String> tooLong = moderate(token, item.id(), "{\"decision\":\"approve\",\"caption\":\"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"caption\"").contains("at most 500");

        HttpResponse<String> wrongCampaign = moderate(token, item.id(), "{\"decision\":\"approve\",\"campaignId\":" + other.id() + "}");
        assertThat(wrongCampaign.statusCode()).isEqualTo(400);
        assertThat(wrongCampaign.body()).contains("\"field\":\"campaignId\"").contains("another campaign");

        assertThat(footage.status(item.id())).isEqualTo("PENDING");
        assertThat(caption(item.id())).isEqualTo("Banners on the river bank");
        assertThat(moderate(token, 987_654_321L, "{\"decision\":\"approve\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void withdrawnFootageAndRejectedFootageAreConflicts() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        Campaign campaign = campaigns.open();
        FootageFixtures.Stored withdrawn = footage.insert(campaign, FootageFixtures.photo().status("WITHDRAWN"));
        HttpResponse<String> conflict = moderate(token, withdrawn.id(), "{\"decision\":\"approve\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("withdrew").contains("\"code\":\"gallery.conflict.withdrawn\"");
        assertThat(footage.status(withdrawn.id())).isEqualTo("WITHDRAWN");

        FootageFixtures.Stored rejected = footage.insert(campaign, FootageFixtures.photo());
        assertThat(moderate(token, rejected.id(), "{\"decision\":\"reject\"}").statusCode()).isEqualTo(200);
        assertThat(footage.status(rejected.id())).isEqualTo("REJECTED");
        // the row stays, the files are gone at once
        assertThat(Files.exists(rejected.file())).isFalse();
        assertThat(Files.exists(rejected.thumbnail())).isFalse();
        assertThat(moderate(token, rejected.id(), "{\"decision\":\"feature\"}").statusCode()).isEqualTo(409);
        assertThat(footage.status(rejected.id())).isEqualTo("REJECTED");
    }

    @Test
    void organizationStaffModerateOnlyTheirOrganizationsFootage() throws Exception {
        MemberNetworkFixtures.Corner corner = network.corner();
        Campaign campaign = campaigns.open();
        long ownAction = footage.action(campaign, corner.member().id(), "Lakeside rally", "FI", 60.45, 22.27);
        long otherAction = footage.action(campaign, corner.outsider().id(), "Coastal rally", "CL", -33.45, -70.66);
        FootageFixtures.Stored own = footage.insert(campaign, FootageFixtures.photo().action(ownAction));
        FootageFixtures.Stored others = footage.insert(campaign, FootageFixtures.photo().action(otherAction));
        FootageFixtures.Stored unlinked = footage.insert(campaign, FootageFixtures.photo());
        String token = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, corner.member().id()));

        assertThat(moderate(token, others.id(), "{\"decision\":\"approve\"}").statusCode()).isEqualTo(403);
        assertThat(moderate(token, unlinked.id(), "{\"decision\":\"approve\"}").statusCode()).isEqualTo(403);
        assertThat(footage.status(others.id())).isEqualTo("PENDING");
        assertThat(moderate(token, own.id(), "{\"decision\":\"feature\"}").statusCode()).isEqualTo(200);
        assertThat(footage.status(own.id())).isEqualTo("APPROVED");

        HttpResponse<String> list = send("GET", "/api/v1/campaigns/" + campaign.id() + "/footage", token, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + own.id()).doesNotContain("\"id\":" + others.id())
                .doesNotContain("\"id\":" + unlinked.id());
        String adminToken = staff.apiToken(staff.networkAdmin());
        HttpResponse<String> pending = send("GET", "/api/v1/campaigns/" + campaign.id() + "/footage?status=pending", adminToken, null);
        assertThat(pending.body()).contains("\"id\":" + others.id()).contains("\"id\":" + unlinked.id()).doesNotContain("\"id\":" + own.id());
        HttpResponse<String> badStatus = send("GET", "/api/v1/campaigns/" + campaign.id() + "/footage?status=hidden", adminToken, null);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("\"field\":\"status\"");
        assertThat(send("GET", "/api/v1/campaigns/" + campaign.id() + "/footage", null, null).statusCode()).isEqualTo(401);
        assertThat(moderate(null, own.id(), "{\"decision\":\"approve\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void thePublicSeesOnlyApprovedFootageFeaturedFirst() throws Exception {
        Campaign campaign = campaigns.open();
        FootageFixtures.Stored pending = footage.insert(campaign, FootageFixtures.photo());
        FootageFixtures.Stored rejected = footage.insert(campaign, FootageFixtures.photo().status("REJECTED"));
        FootageFixtures.Stored withdrawn = footage.insert(campaign, FootageFixtures.photo().status("WITHDRAWN"));
        FootageFixtures.Stored approved = footage.insert(campaign, FootageFixtures.photo().status("APPROVED"));
        FootageFixtures.Stored featured = footage.insert(campaign, FootageFixtures.photo().asFeatured()
                .at(java.time.Instant.now().minusSeconds(3600)));
        FootageFixtures.Stored video = footage.insert(campaign, FootageFixtures.photo().video().status("APPROVED"));

        HttpResponse<String> api = send("GET", "/api/v1/campaigns/" + campaign.id() + "/gallery", null, null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"total\":3").doesNotContain("submitter").doesNotContain("flaggedReason");
        assertThat(api.body().indexOf("\"id\":" + featured.id())).isLessThan(api.body().indexOf("\"id\":" + video.id()));
        assertThat(api.body().indexOf("\"id\":" + video.id())).isLessThan(api.body().indexOf("\"id\":" + approved.id()));
        String page = send("GET", "/campaigns/" + campaign.slug() + "/gallery", null, null).body();
        for (FootageFixtures.Stored hidden : java.util.List.of(pending, rejected, withdrawn)) {
            assertThat(api.body()).doesNotContain(hidden.storedName()).doesNotContain(hidden.thumbnailName());
            assertThat(page).doesNotContain(hidden.storedName()).doesNotContain(hidden.thumbnailName());
            assertThat(send("GET", "/campaigns/" + campaign.slug() + "/gallery/" + hidden.id(), null, null).statusCode()).isEqualTo(404);
        }
        assertThat(page).contains("/footage/" + approved.thumbnailName()).contains("loading=\"lazy\"").contains("width=\"320\"");
        HttpResponse<String> detail = send("GET", "/campaigns/" + campaign.slug() + "/gallery/" + video.id(), null, null);
        assertThat(detail.body()).contains("<video").contains("/footage/" + video.storedName());
        assertThat(send("GET", "/api/v1/campaigns/" + campaign.id() + "/report", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theGalleryOfADraftCampaignIsNotFound() throws Exception {
        Campaign campaign = campaigns.open();
        footage.insert(campaign, FootageFixtures.photo().status("APPROVED"));
        footage.jdbc().sql("UPDATE campaign SET status = 'DRAFT' WHERE id = :id").param("id", campaign.id()).update();
        assertThat(send("GET", "/api/v1/campaigns/" + campaign.id() + "/gallery", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/campaigns/" + campaign.slug() + "/gallery", null, null).statusCode()).isEqualTo(404);
    }
}
