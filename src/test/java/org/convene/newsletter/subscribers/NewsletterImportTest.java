package org.convene.newsletter.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convene.events.MemberNetworkFixtures;
import org.convene.newsletter.NewsletterFixtures;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CSV import (all or nothing, per-row errors, suppressed and existing addresses left alone) and the streamed export. */
@ConveneTest
class NewsletterImportTest {

    @LocalServerPort
    int port;
    @Autowired
    NewsletterFixtures fixtures;
    @Autowired
    TestStaff staff;
    @Autowired
    MemberNetworkFixtures network;
    @Autowired
    Suppressions suppressions;

    private HttpResponse<String> importCsv(String csv, String source, String consent, boolean confirmed) {
        NewsletterHttp api = new NewsletterHttp(port);
        String query = "?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + "&consentText="
                + URLEncoder.encode(consent, StandardCharsets.UTF_8) + "&confirmed=" + confirmed;
        return api.send(api.request("/api/v1/newsletter/subscribers/import" + query).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + staff.apiToken(staff.networkAdmin())).POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private String status(String email) {
        return fixtures.jdbc().sql("SELECT status FROM subscriber WHERE lower(email) = lower(:e)").param("e", email).query(String.class)
                .optional().orElse(null);
    }

    private int count() {
        return fixtures.jdbc().sql("SELECT count(*) FROM subscriber").query(Integer.class).single();
    }

    @Test
    void oneBadRowImportsNothingAndEveryBadRowIsNamed() {
        var corner = network.corner();
        String good = NewsletterFixtures.uniqueEmail("good");
        int before = count();
        String csv = "email,name,language,region,topics\n"
                + good + ",Good Reader,es," + corner.north().slug() + ",events;campaigns\n"
                + "not-an-address,Bad Reader,en,,\n"
                + NewsletterFixtures.uniqueEmail("lang") + ",Lang Reader,xx,,\n"
                + "z" + good + ",Region Reader,en,atlantis,\n"
                + NewsletterFixtures.uniqueEmail("topic") + ",Topic Reader,en,,gossip\n"
                + good.toUpperCase() + ",Twice,en,,\n"
                + "someone@mailinator.com,Throwaway,en,,\n";
        HttpResponse<String> response = importCsv(csv, "Assembly 2026 sign-up sheet", "I want the network's newsletter.", false);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).containsPattern("\\{[^}]*\"row\":3[,}]").containsPattern("\\{[^}]*\"row\":4[,}]").containsPattern("\\{[^}]*\"row\":5[,}]").containsPattern("\\{[^}]*\"row\":6[,}]")
                .containsPattern("\\{[^}]*\"row\":7[,}]").containsPattern("\\{[^}]*\"row\":8[,}]").doesNotContainPattern("\\{[^}]*\"row\":2[,}]")
                .contains("Unknown language").contains("Unknown region").contains("Unknown topics").contains("appears earlier");
        assertThat(count()).isEqualTo(before);
        assertThat(status(good)).isNull();
        assertThat(NewsletterHttp.mailsTo(fixtures.jdbc(), good)).isEmpty();
    }

    @Test
    void theConsentSourceAndTextMustBeDeclared() {
        String email = NewsletterFixtures.uniqueEmail("undeclared");
        HttpResponse<String> response = importCsv("email\n" + email + "\n", " ", "", true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"source\"").contains("\"field\":\"consentText\"");
        assertThat(status(email)).isNull();
        assertThat(importCsv("name,language\nNo Address,en\n", "sheet", "consent", true).body()).containsPattern("\\{[^}]*\"row\":1[,}]");
        assertThat(importCsv("email,name\n", "sheet", "consent", true).statusCode()).isEqualTo(400);
        assertThat(importCsv("email,name\n\"unterminated,x\n", "sheet", "consent", true).statusCode()).isEqualTo(400);
    }

    @Test
    void importedSubscribersArePendingWithAConfirmationUnlessDeclaredConfirmed() {
        var corner = network.corner();
        String pending = NewsletterFixtures.uniqueEmail("imported-pending");
        HttpResponse<String> response = importCsv("email,name,language,region,topics,organization\n"
                + pending + ",Paula Reader,pt," + corner.south().slug() + ",events," + corner.outsider().slug() + "\n",
                "Paper form at the assembly", "Yes, send me the newsletter.", false);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subscribed\":0").contains("\"pending\":1");
        assertThat(status(pending)).isEqualTo("PENDING");
        var row = fixtures.jdbc().sql("SELECT consent_source || '|' || consent_text || '|' || region_id || '|' || organization_id || '|' || topics::text "
                + "FROM subscriber WHERE email = :e").param("e", pending).query(String.class).single();
        assertThat(row).isEqualTo("import:Paper form at the assembly|Yes, send me the newsletter.|" + corner.south().id() + "|"
                + corner.outsider().id() + "|{events}");
        assertThat(NewsletterHttp.mailsTo(fixtures.jdbc(), pending)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Confirme a sua assinatura do boletim");
            assertThat(m.text()).contains("/newsletter/confirm/");
        });

        String confirmed = NewsletterFixtures.uniqueEmail("imported-confirmed");
        assertThat(importCsv("email,name,language,region,topics\n" + confirmed + ",Carla,,,\n", "Previous mailing list (double opt-in)",
                "Consent text of the old list", true).body()).contains("\"subscribed\":1").contains("\"pending\":0");
        assertThat(status(confirmed)).isEqualTo("SUBSCRIBED");
        assertThat(fixtures.jdbc().sql("SELECT language FROM subscriber WHERE email = :e").param("e", confirmed).query(String.class).single())
                .isEqualTo("en");
        assertThat(NewsletterHttp.mailsTo(fixtures.jdbc(), confirmed)).isEmpty();
    }

    @Test
    void suppressedAddressesAreNeverReactivatedAndExistingOnesAreLeftAlone() {
        String unsubscribed = NewsletterFixtures.uniqueEmail("gone");
        fixtures.subscriber(unsubscribed, "en", "UNSUBSCRIBED", null, List.of());
        suppressions.suppress(unsubscribed, Suppressions.Reason.UNSUBSCRIBED, "one-click unsubscribe");
        String bounced = NewsletterFixtures.uniqueEmail("bounced");
        suppressions.suppress(bounced, Suppressions.Reason.HARD_BOUNCE, "550");
        String existing = NewsletterFixtures.uniqueEmail("existing");
        fixtures.subscriber(existing, "fr", "PAUSED", null, List.of("events"));
        String fresh = NewsletterFixtures.uniqueEmail("fresh");

        HttpResponse<String> response = importCsv("email,name,language,region,topics\n" + unsubscribed + ",A,en,,\n" + bounced.toUpperCase()
                + ",B,en,,\n" + existing + ",C,en,,campaigns\n" + fresh + ",D,en,,\n", "Re-import of the old list", "Old consent", true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subscribed\":1").contains(unsubscribed).contains(bounced.toUpperCase()).contains(existing);
        assertThat(status(unsubscribed)).isEqualTo("UNSUBSCRIBED");
        assertThat(status(bounced)).isNull();
        assertThat(status(existing)).isEqualTo("PAUSED");
        assertThat(fixtures.jdbc().sql("SELECT language || topics::text FROM subscriber WHERE email = :e").param("e", existing)
                .query(String.class).single()).isEqualTo("fr{events}");
        assertThat(status(fresh)).isEqualTo("SUBSCRIBED");
        assertThat(NewsletterHttp.mailsTo(fixtures.jdbc(), unsubscribed)).isEmpty();
        assertThat(NewsletterHttp.mailsTo(fixtures.jdbc(), bounced)).isEmpty();
    }

    @Test
    void theExportIsStaffOnlyAndCarriesStatusAndConsent() {
        String email = NewsletterFixtures.uniqueEmail("exported");
        fixtures.subscriber(email, "id", "SUBSCRIBED", null, List.of("events", "campaigns"));
        fixtures.jdbc().sql("UPDATE subscriber SET name = '=HYPERLINK(1)' WHERE email = :e").param("e", email).update();
        NewsletterHttp api = new NewsletterHttp(port);
        assertThat(api.get("/api/v1/newsletter/subscribers/export").statusCode()).isEqualTo(401);

        HttpResponse<String> export = api.send(api.request("/api/v1/newsletter/subscribers/export")
                .header("Authorization", "Bearer " + staff.apiToken(staff.networkAdmin())).GET());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(export.body()).startsWith("email,name,language,region,organization,topics,status,suppressed,consent_at,consent_source,"
                + "consent_text,confirmed_at,created_at");
        String line = export.body().lines().filter(l -> l.startsWith(email)).findFirst().orElseThrow();
        assertThat(line).contains(",'=HYPERLINK(1),id,,,events;campaigns,SUBSCRIBED,,").contains(",test,Consent text,");

        org.convene.accounts.WebClient admin = new org.convene.accounts.WebClient(port);
        TestStaff.Login login = staff.networkAdmin();
        admin.signedIn(login.email(), login.password());
        HttpResponse<String> page = admin.get("/admin/newsletter/subscribers/export.csv");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email);
        assertThat(admin.get("/admin/newsletter/subscribers/import").body()).contains("name=\"source\"").contains("name=\"consentText\"");
    }
}
