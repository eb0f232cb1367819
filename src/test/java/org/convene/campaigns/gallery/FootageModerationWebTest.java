package org.convene.campaigns.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.StaffRole;
import org.convene.accounts.WebClient;
import org.convene.campaigns.CampaignFixtures;
import org.convene.campaigns.internal.Campaign;
import org.convene.events.MemberNetworkFixtures;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The moderation queue without JavaScript (plain form posts and redirects) and with htmx (the item alone). */
@ConveneTest
class FootageModerationWebTest {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired CampaignFixtures campaigns;
    @Autowired FootageFixtures footage;
    @Autowired MemberNetworkFixtures network;

    private WebClient signedIn(TestStaff.Login login) {
        return new WebClient(port).signedIn(login.email(), login.password());
    }

    private static String path(Campaign campaign, long id) {
        return "/admin/campaigns/" + campaign.slug() + "/footage/" + id + "/moderation";
    }

    @Test
    void aDecisionWithoutJavaScriptRedirectsBackToTheItemWithTheResult() {
        Campaign campaign = campaigns.open();
        FootageFixtures.Stored item = footage.insert(campaign, FootageFixtures.photo());
        WebClient admin = signedIn(staff.networkAdmin());
        HttpResponse<String> approved = admin.post(path(campaign, item.id()), Map.of("decision", "approve", "status", "ALL"));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(approved)).endsWith("/admin/campaigns/" + campaign.slug() + "/footage?status=ALL#footage-" + item.id());
        String page = admin.get("/admin/campaigns/" + campaign.slug() + "/footage?status=ALL").body();
        assertThat(page).contains("Approved: it is in the public gallery.");
        assertThat(footage.status(item.id())).isEqualTo("APPROVED");
    }

    @Test
    void aTooLongCaptionIsShownNextToTheFieldAndNothingChanges() {
        Campaign campaign = campaigns.open();
        FootageFixtures.Stored item = footage.insert(campaign, FootageFixtures.photo());
        WebClient admin = signedIn(staff.networkAdmin());
        HttpResponse<String> refused = admin.post(path(campaign, item.id()), Map.of("decision", "edit", "caption", "y".repeat(501)));
        String page = admin.get(WebClient.location(refused).replaceAll("^https?://[^/]+", "").replaceAll("#.*", "")).body();
        assertThat(page).contains("Not saved: correct the marked field.").contains("is-invalid")
                .contains("The caption is too long (at most 500 characters).").contains("y".repeat(501));
        assertThat(footage.jdbc().sql("SELECT caption FROM footage WHERE id = :id").param("id", item.id()).query(String.class).single())
                .isEqualTo("Banners on the river bank");

        // with htmx the answer is the item alone, with the result for the live region
        HttpResponse<String> swapped = admin.send(admin.request(path(campaign, item.id())).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("decision=feature&_csrf=" + admin.csrfToken())).build());
        assertThat(swapped.statusCode()).isEqualTo(200);
        assertThat(swapped.body().strip()).startsWith("<li").contains("id=\"footage-" + item.id() + "\"")
                .contains("hx-swap-oob=\"innerHTML\"").contains("Featured (and approved).").doesNotContain("<html");
    }

    @Test
    void organizationStaffSeeAndModerateOnlyTheirOrganizationsFootage() {
        MemberNetworkFixtures.Corner corner = network.corner();
        Campaign campaign = campaigns.open();
        long own = footage.action(campaign, corner.member().id(), "Lakeside rally", "FI", 60.45, 22.27);
        long other = footage.action(campaign, corner.outsider().id(), "Coastal rally", "CL", null, null);
        FootageFixtures.Stored mine = footage.insert(campaign, FootageFixtures.photo().action(own).caption("Our banner"));
        FootageFixtures.Stored theirs = footage.insert(campaign, FootageFixtures.photo().action(other).caption("Their banner"));
        WebClient editor = signedIn(staff.create(StaffRole.ORG_EDITOR, corner.member().id()));

        String queue = editor.get("/admin/campaigns/" + campaign.slug() + "/footage").body();
        assertThat(queue).contains("Our banner").doesNotContain("Their banner").doesNotContain("compilation.zip");
        assertThat(editor.post(path(campaign, theirs.id()), Map.of("decision", "approve")).statusCode()).isEqualTo(403);
        assertThat(footage.status(theirs.id())).isEqualTo("PENDING");
        assertThat(editor.get("/admin/campaigns/" + campaign.slug() + "/footage/compilation.zip").statusCode()).isEqualTo(403);
        assertThat(editor.post(path(campaign, mine.id()), Map.of("decision", "reject")).statusCode()).isEqualTo(302);
        assertThat(footage.status(mine.id())).isEqualTo("REJECTED");
    }

    @Test
    void footageOfAnotherCampaignIsNotFoundAndWithdrawnFootageIsExplained() {
        Campaign campaign = campaigns.open();
        Campaign other = campaigns.open();
        FootageFixtures.Stored elsewhere = footage.insert(other, FootageFixtures.photo());
        FootageFixtures.Stored withdrawn = footage.insert(campaign, FootageFixtures.photo().status("WITHDRAWN"));
        WebClient admin = signedIn(staff.networkAdmin());
        assertThat(admin.post(path(campaign, elsewhere.id()), Map.of("decision", "approve")).statusCode()).isEqualTo(404);
        assertThat(footage.status(elsewhere.id())).isEqualTo("PENDING");
        HttpResponse<String> refused = admin.post(path(campaign, withdrawn.id()), Map.of("decision", "approve", "status", "WITHDRAWN"));
        assertThat(admin.get("/admin/campaigns/" + campaign.slug() + "/footage?status=WITHDRAWN").body())
                .contains("The submitter withdrew this footage; it cannot be moderated.");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(footage.status(withdrawn.id())).isEqualTo("WITHDRAWN");
    }

    @Test
    void theApiIsDocumented() {
        WebClient client = new WebClient(port);
        String openApi = client.send(client.request("/api/openapi.json").header("Accept", "application/json").GET().build()).body();
        assertThat(openApi).contains("/api/v1/footage/{id}/moderation", "/api/v1/campaigns/{id}/footage",
                "/api/v1/campaigns/{id}/gallery", "/api/v1/campaigns/{id}/report", "/api/v1/campaigns/{id}/footage/compilation.zip");
    }
}
