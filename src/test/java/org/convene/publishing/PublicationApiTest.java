package org.convene.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.StaffRole;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Statements and news through the API: staff write with tokens, anyone reads what is public; bad input is a 400 problem. */
@ConveneTest
class PublicationApiTest {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired PublicationFixtures fixtures;
    @Autowired org.convene.events.MemberNetworkFixtures network;

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long id(String body) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String statement(String title) {
        return """
                {"language":"en","title":"%s","summary":"A shared position.","body":"## Position\\n\\nWater is public.",
                 "dated":"2026-11-20","tags":["water"],"signatories":[{"name":"Ines Moreau","role":"chairperson"}]}""".formatted(title);
    }

    @Test
    void aNetworkAdminWritesTranslatesAndPublishesAStatement() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        String title = "API statement " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = send("POST", "/api/v1/statements", token, statement(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"DRAFT\"").contains("\"name\":\"Ines Moreau\"");
        long id = id(created.body());
        assertThat(send("GET", "/api/v1/statements/" + id, null, null).statusCode()).isEqualTo(404);

        HttpResponse<String> arabic = send("PUT", "/api/v1/publications/" + id + "/translations/ar", token,
                "{\"title\":\"بيان\",\"body\":\"نص\",\"translator\":\"Salma\"}");
        assertThat(arabic.statusCode()).as(arabic.body()).isEqualTo(200);
        assertThat(arabic.body()).contains("\"status\":\"DRAFT\"");
        HttpResponse<String> published = send("POST", "/api/v1/publications/" + id + "/status", token, "{\"status\":\"PUBLISHED\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        HttpResponse<String> read = send("GET", "/api/v1/statements/" + id, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        // the Arabic translation is still a draft: the public does not get it
        assertThat(read.body()).contains("\"language\":\"en\"").doesNotContain("\"language\":\"ar\"").contains("<h2>Position</h2>");
        assertThat(send("POST", "/api/v1/publications/" + id + "/status", token, "{\"status\":\"PUBLISHED\",\"language\":\"ar\"}").statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/statements/" + id, null, null).body()).contains("\"language\":\"ar\"");
        assertThat(send("GET", "/api/v1/statements", null, null).body()).contains("\"id\":" + id);
        assertThat(send("GET", "/api/v1/news/" + id, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() throws Exception {
        String token = staff.apiToken(staff.networkAdmin());
        long id = id(send("POST", "/api/v1/statements", token, statement("Problem statement " + UUID.randomUUID())).body());
        HttpResponse<String> german = send("PUT", "/api/v1/publications/" + id + "/translations/de", token, "{\"title\":\"Erklärung\",\"body\":\"Text\"}");
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(german.body()).contains("\"field\":\"language\"");
        String longBody = "{\"title\":\"Largo\",\"body\":\"" + "a".repeat(200_001) + "\"}";
        HttpResponse<String> tooLong = send("PUT", "/api/v1/publications/" + id + "/translations/es", token, longBody);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"body\"");
        HttpResponse<String> past = send("POST", "/api/v1/publications/" + id + "/status", token,
                "{\"status\":\"PUBLISHED\",\"publishAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("\"field\":\"publishAt\"");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM publication_translation WHERE publication_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(send("POST", "/api/v1/publications/999999999/status", token, "{\"status\":\"PUBLISHED\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void organizationStaffWriteOnlyNewsOfTheirOwnOrganization() throws Exception {
        long org = network.corner().member().id();
        String token = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, org));
        assertThat(send("POST", "/api/v1/statements", token, statement("Not mine")).statusCode()).isEqualTo(403);
        String news = """
                {"language":"en","title":"Our local news %s","body":"Text","organizationIds":[%d]}""".formatted(UUID.randomUUID(), org);
        assertThat(send("POST", "/api/v1/news", token, news).statusCode()).isEqualTo(201);
        String other = """
                {"language":"en","title":"Their news","body":"Text","organizationIds":[%d]}""".formatted(org + 1);
        assertThat(send("POST", "/api/v1/news", token, other).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/statements", null, statement("Nobody")).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/openapi.json", null, null).body()).contains("/api/v1/statements")
                .contains("/api/v1/news/{id}").contains("/api/v1/publications/{id}/translations/{language}")
                .contains("/api/v1/publications/{id}/status");
    }
}
