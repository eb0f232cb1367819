package org.convene.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.StaffRole;
import org.convene.accounts.WebClient;
import org.convene.campaigns.internal.Campaign;
import org.convene.events.MemberNetworkFixtures;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Local actions through the API and the pages: who may register them, every kind of bad input, proposals, the map data. */
@ConveneTest
class LocalActionsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    CampaignFixtures campaigns;
    @Autowired
    MemberNetworkFixtures network;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String action(Object organization, String day, String country, String lat, String lon, String type, String title) {
        return """
                {"type":%s,"title":%s,"description":"Banners at the river bank.","startsAt":"%sT11:00","timeZone":"Europe/Helsinki",
                 "city":"Tampere","country":"%s","address":"Harbour street 4","addressPublic":false,"latitude":%s,"longitude":%s,
                 "organizationId":%s,"contactName":"Aino Example","contactEmail":"aino-%s@example.org","visibility":"PUBLIC"}"""
                .formatted(type == null ? "null" : "\"" + type + "\"", title == null ? "null" : "\"" + title + "\"", day, country, lat, lon,
                        organization, UUID.randomUUID().toString().substring(0, 6));
    }

    private int count(Campaign campaign) {
        return campaigns.jdbc().sql("SELECT count(*) FROM local_action WHERE campaign_id = :c").param("c", campaign.id()).query(Integer.class).single();
    }

    @Test
    void organizationStaffRegisterForTheirOwnOrganizationOnlyAndThePublicSeesNoContact() throws Exception {
        var corner = network.corner();
        Campaign campaign = campaigns.open();
        String token = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, corner.member().id()));
        String day = campaign.firstDay().toString();
        HttpResponse<String> created = send("POST", "/api/v1/campaigns/" + campaign.id() + "/actions", token,
                action(corner.member().id(), day, "FI", "61.49786", "23.76099", "RALLY", "River bank rally " + corner.tag()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("aino-").doesNotContain("Aino Example").doesNotContain("Harbour street")
                .contains("\"latitude\":61.5"); // rounded: the address is not public

        HttpResponse<String> other = send("POST", "/api/v1/campaigns/" + campaign.id() + "/actions", token,
                action(corner.outsider().id(), day, "CL", "null", "null", "RALLY", "Not ours"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/campaigns/" + campaign.id() + "/actions", null,
                action(corner.member().id(), day, "FI", "null", "null", "RALLY", "No token")).statusCode()).isEqualTo(401);
        assertThat(count(campaign)).isEqualTo(1);

        HttpResponse<String> list = send("GET", "/api/v1/campaigns/" + campaign.id() + "/actions", null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("River bank rally").doesNotContain("aino-").doesNotContain("Harbour street");
        HttpResponse<String> map = send("GET", "/campaigns/" + campaign.slug() + "/actions/map.json", null, null);
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("\"total\":1").contains("\"FI\":1").contains("\"" + corner.north().id() + "\":1")
                .contains("River bank rally").doesNotContain("aino-");
        assertThat(map.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        String etag = map.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/campaigns/" + campaign.slug()
                + "/actions/map.json")).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        // a change gives a new version: the cached body is not served any more
        long id = Long.parseLong(created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        assertThat(send("DELETE", "/api/v1/campaigns/" + campaign.id() + "/actions/" + id, token, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/campaigns/" + campaign.slug() + "/actions/map.json", null, null).body()).contains("\"total\":0");
    }

    @Test
    void badInputIsRefusedFieldByFieldWithoutWritingAnything() throws Exception {
        var corner = network.corner();
        Campaign campaign = campaigns.open();
        String token = staff.apiToken(staff.networkAdmin());
        String path = "/api/v1/campaigns/" + campaign.id() + "/actions";
        String day = campaign.firstDay().toString();
        long org = corner.member().id();
        Map<String, String> cases = Map.of(
                action(org, day, "XX", "null", "null", "RALLY", "Bad country"), "country",
                action(org, day, "usa", "null", "null", "RALLY", "Bad country"), "country",
                action(org, campaign.firstDay().plusDays(7).toString(), "FI", "null", "null", "RALLY", "Too late"), "startsAt",
                action(org, day, "FI", "91", "20", "RALLY", "Off the globe"), "latitude",
                action(org, day, "FI", "60", "-181", "RALLY", "Off the globe"), "longitude",
                action(org, day, "FI", "60", "null", "RALLY", "Half a position"), "longitude",
                action(org, day, "FI", "null", "null", "RALLY", null), "title",
                action(org, day, "FI", "null", "null", null, "No type"), "type");
        for (var bad : cases.entrySet()) {
            HttpResponse<String> refused = send("POST", path, token, bad.getKey());
            assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
            assertThat(refused.body()).as(bad.getKey()).contains("\"field\":\"" + bad.getValue() + "\"");
        }
        assertThat(count(campaign)).isZero();
        // only the country: placed at its centre
        HttpResponse<String> countryOnly = send("POST", path, token, action(org, day, "fi", "null", "null", "EDUCATION", "Reading circle"));
        assertThat(countryOnly.statusCode()).as(countryOnly.body()).isEqualTo(201);
        assertThat(countryOnly.body()).contains("\"positionPrecision\":\"COUNTRY\"").contains("\"country\":\"FI\"");
    }

    @Test
    void theStaffFormRefusesAnotherOrganizationAndShowsErrorsNextToTheFields() throws Exception {
        var corner = network.corner();
        Campaign campaign = campaigns.open();
        TestStaff.Login editor = staff.create(StaffRole.ORG_EDITOR, corner.member().id());
        WebClient web = new WebClient(port).signedIn(editor.email(), editor.password());
        Map<String, String> form = new java.util.HashMap<>(Map.of("type", "RALLY", "title", "Form rally", "startsAt",
                campaign.firstDay() + "T10:00", "timeZone", "Europe/Lisbon", "country", "PT", "organizationId", String.valueOf(corner.outsider().id())));
        assertThat(web.post("/admin/campaigns/" + campaign.slug() + "/actions", form).statusCode()).isEqualTo(403);
        form.put("organizationId", String.valueOf(corner.member().id()));
        form.put("country", "usa");
        HttpResponse<String> invalid = web.post("/admin/campaigns/" + campaign.slug() + "/actions", form);
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"country-error\"").contains("Choose a country from the list.");
        assertThat(count(campaign)).isZero();
        form.put("country", "PT");
        assertThat(web.post("/admin/campaigns/" + campaign.slug() + "/actions", form).statusCode()).isEqualTo(302);
        assertThat(count(campaign)).isEqualTo(1);
    }

    @Test
    void aProposalCountsOnlyOnceConfirmedAndModeratedAndTheProposerHearsTheOutcome() throws Exception {
        var corner = network.corner();
        Campaign campaign = campaigns.open();
        String email = "proposer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String proposal = action(corner.member().id(), campaign.firstDay().toString(), "SE", "59.3", "18.0", "PHOTO_ACTION", "Photo at the lock " + corner.tag())
                .replaceAll("aino-[a-z0-9-]+@example.org", email);
        HttpResponse<String> sent = send("POST", "/api/v1/campaigns/" + campaign.id() + "/action-proposals", null, proposal);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        // unconfirmed: in no list, on no map, in nobody's moderation queue
        TestStaff.Login admin = staff.networkAdmin();
        WebClient web = new WebClient(port).signedIn(admin.email(), admin.password());
        assertThat(web.get("/admin/campaigns/" + campaign.slug() + "/actions/proposals").body()).doesNotContain("Photo at the lock");
        assertThat(send("GET", "/campaigns/" + campaign.slug() + "/actions/map.json", null, null).body()).contains("\"total\":0");

        String mail = campaigns.jdbc().sql("SELECT body_text FROM mail_outbox WHERE recipient = :to ORDER BY id DESC LIMIT 1")
                .param("to", email).query(String.class).single();
        Matcher link = Pattern.compile("(/campaigns/actions/confirm/[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        WebClient visitor = new WebClient(port);
        assertThat(visitor.get(link.group(1)).body()).contains("confirm-proposal");
        assertThat(visitor.get(link.group(1).substring(0, link.group(1).length() - 2) + "AA").statusCode()).isEqualTo(404);
        assertThat(visitor.post(link.group(1), Map.of()).body()).contains("proposal-confirmed");

        // the staff of the named organization see it; others' staff do not
        WebClient outsider = new WebClient(port).signedIn(staff.create(StaffRole.ORG_ADMIN, corner.outsider().id()).email(), TestStaff.PASSWORD);
        assertThat(outsider.get("/admin/campaigns/" + campaign.slug() + "/actions/proposals").body()).doesNotContain("Photo at the lock");
        String queue = web.get("/admin/campaigns/" + campaign.slug() + "/actions/proposals").body();
        assertThat(queue).contains("Photo at the lock");
        long id = campaigns.jdbc().sql("SELECT id FROM local_action WHERE proposer_email = :e").param("e", email).query(Long.class).single();
        assertThat(web.post("/admin/campaigns/" + campaign.slug() + "/actions/proposals/" + id + "/approve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(send("GET", "/campaigns/" + campaign.slug() + "/actions/map.json", null, null).body()).contains("\"total\":1");
        String outcome = campaigns.jdbc().sql("SELECT subject FROM mail_outbox WHERE recipient = :to ORDER BY id DESC LIMIT 1")
                .param("to", email).query(String.class).single();
        assertThat(outcome).contains("on the map");
    }

    @Test
    void proposalsForADraftOrClosedCampaignAreRefused() throws Exception {
        Campaign closed = campaigns.open();
        campaigns.jdbc().sql("UPDATE campaign SET status = 'CLOSED' WHERE id = :id").param("id", closed.id()).update();
        Campaign draft = campaigns.open();
        campaigns.jdbc().sql("UPDATE campaign SET status = 'DRAFT' WHERE id = :id").param("id", draft.id()).update();
        String body = action("null", closed.firstDay().toString(), "FR", "null", "null", "RALLY", "Too late");
        HttpResponse<String> refused = send("POST", "/api/v1/campaigns/" + closed.id() + "/action-proposals", null, body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"campaign\"");
        assertThat(send("POST", "/api/v1/campaigns/" + draft.id() + "/action-proposals", null, body).statusCode()).isEqualTo(404);
        assertThat(count(closed) + count(draft)).isZero();
        assertThat(new WebClient(port).get("/campaigns/" + draft.slug() + "/actions").statusCode()).isEqualTo(404);
    }

    @Autowired
    org.convene.campaigns.actions.Countries countries;

    @Test
    void everyIsoCountryHasACentreAndOnlyIsoCodesAreCountries() {
        for (String code : Locale.getISOCountries()) {
            assertThat(countries.centre(code)).as(code).isNotNull();
        }
        assertThat(countries.code("usa")).isEmpty();
        assertThat(countries.code("XX")).isEmpty();
        assertThat(countries.code("fr")).contains("FR");
    }
}
