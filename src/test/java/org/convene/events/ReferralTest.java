package org.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.events.EventFixtures.uniqueEmail;

import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.accounts.StaffRole;
import org.convene.accounts.WebClient;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventFormat;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Referral links: {@code ?via=} carries a member organization through the form and the API; the
 * referring organization's staff see how many came and the details only of those who agreed.
 */
@ConveneTest
class ReferralTest {

    @LocalServerPort
    int port;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    TestStaff staff;

    private HttpResponse<String> registerByForm(Event event, String name, String email, Map<String, String> extra) {
        WebClient visitor = new WebClient(port);
        Map<String, String> form = new java.util.HashMap<>(Map.of("name", name, "email", email, "attendance", "ONLINE"));
        form.putAll(extra);
        return visitor.post("/events/" + event.slug() + "/registrations", form);
    }

    private Object[] stored(String email) {
        return fixtures.jdbc().sql("SELECT referral_organization_id, referral_consent_at FROM registration WHERE lower(email) = lower(:e)")
                .param("e", email).query((rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2)}).single();
    }

    @Test
    void theLinkOffersConsentUncheckedAndTheFormStoresReferralAndConsent() {
        long referrer = fixtures.memberOrganization("Lagoon Collective");
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        String page = new WebClient(port).get("/events/" + event.slug() + "?via=" + referrer).body();
        assertThat(page).contains("name=\"referral\" value=\"" + referrer + "\"").contains("Lagoon Collective");
        assertThat(page).containsPattern("<input[^>]*type=\"checkbox\"[^>]*name=\"referralConsent\"[^>]*>");
        assertThat(page).doesNotContainPattern("name=\"referralConsent\"[^>]*checked");

        String agreed = uniqueEmail("rosa");
        assertThat(registerByForm(event, "Rosa Lima", agreed, Map.of("referral", String.valueOf(referrer), "referralConsent", "true"))
                .statusCode()).isEqualTo(302);
        assertThat(stored(agreed)[0]).isEqualTo(referrer);
        assertThat(stored(agreed)[1]).isNotNull();

        String declined = uniqueEmail("samir");
        registerByForm(event, "Samir Ali", declined, Map.of("referral", String.valueOf(referrer)));
        assertThat(stored(declined)[0]).isEqualTo(referrer);
        assertThat(stored(declined)[1]).isNull();
    }

    @Test
    void unknownOrMalformedViaValuesAreIgnored() {
        Event event = fixtures.published(EventFormat.ONLINE, 0);
        for (String via : new String[] {"987654321", "abc", "-3", "1e5", "", "99999999999999999999"}) {
            HttpResponse<String> page = new WebClient(port).get("/events/" + event.slug() + "?via=" + java.net.URLEncoder.encode(via, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.statusCode()).as(via).isEqualTo(200);
            assertThat(page.body()).as(via).doesNotContain("name=\"referral\"").doesNotContain("referralConsent");
            String email = uniqueEmail("tariq");
            assertThat(registerByForm(event, "Tariq", email, Map.of("referral", via, "referralConsent", "true")).statusCode()).as(via).isEqualTo(302);
            assertThat(stored(email)).as(via).containsExactly(null, null);
        }
        String email = uniqueEmail("uma");
        HttpResponse<String> api = fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations",
                "{\"name\":\"Uma\",\"email\":\"" + email + "\",\"attendance\":\"ONLINE\",\"referral\":\"no-such\",\"referralConsent\":true}");
        assertThat(api.statusCode()).isEqualTo(201);
        assertThat(stored(email)).containsExactly(null, null);
    }

    @Test
    void referringStaffSeeTheirCountAndOnlyTheDetailsOfThoseWhoAgreed() {
        long referrer = fixtures.memberOrganization("Riverside Alliance");
        long otherReferrer = fixtures.memberOrganization("Hilltop Forum");
        long organizer = 400_000 + (long) (Math.random() * 100_000);
        Event event = fixtures.publishedBy(organizer, EventFormat.HYBRID, 10);
        String agreed = uniqueEmail("vera");
        String declined = uniqueEmail("wanjiru");
        String other = uniqueEmail("xavier");
        api(event, "Vera Agreed", agreed, referrer, true);
        api(event, "Wanjiru Declined", declined, referrer, false);
        api(event, "Xavier Elsewhere", other, otherReferrer, true);
        api(event, "Yusuf Direct", uniqueEmail("yusuf"), null, false);

        WebClient referrerStaff = new WebClient(port).signedIn(staff.create(StaffRole.ORG_EDITOR, referrer).email(), TestStaff.PASSWORD);
        String page = referrerStaff.get("/admin/events/" + event.id() + "/referrals").body();
        assertThat(page).contains("2 registrations through your link").contains("Riverside Alliance")
                .contains("Vera Agreed").contains(agreed).contains("?via=" + referrer)
                .doesNotContain("Wanjiru").doesNotContain(declined).doesNotContain("Xavier").doesNotContain("Yusuf");
        assertThat(referrerStaff.get("/admin/referrals").body()).contains(event.slug() + "?via=" + referrer);
        // the organizer's own list stays closed to them
        assertThat(referrerStaff.get("/admin/events/" + event.id() + "/registrations").statusCode()).isEqualTo(403);

        String organizerPage = new WebClient(port).signedIn(staff.create(StaffRole.ORG_EDITOR, organizer).email(), TestStaff.PASSWORD)
                .get("/admin/events/" + event.id() + "/registrations").body();
        String counts = RegistrantListTest.between(organizerPage, "id=\"referral-counts\"", "</table>");
        assertThat(counts).containsSubsequence("Riverside Alliance", "<td>2</td>", "<td>1</td>", "Hilltop Forum", "<td>1</td>", "<td>1</td>");
        assertThat(organizerPage).contains("?via=" + referrer).contains("?via=" + otherReferrer);

        assertThat(new WebClient(port).signedIn(staff.networkAdmin().email(), TestStaff.PASSWORD)
                .get("/admin/events/" + event.id() + "/referrals").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new WebClient(port).get("/admin/events/" + event.id() + "/referrals");
        assertThat(WebClient.location(anonymous)).endsWith("/login");
    }

    private void api(Event event, String name, String email, Long referrer, boolean consent) {
        String json = "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"attendance\":\"ONLINE\""
                + (referrer == null ? "" : ",\"referral\":\"" + referrer + "\"") + ",\"referralConsent\":" + consent + "}";
        assertThat(fixtures.postJson(port, "/api/v1/events/" + event.id() + "/registrations", json).statusCode()).isEqualTo(201);
    }
}
