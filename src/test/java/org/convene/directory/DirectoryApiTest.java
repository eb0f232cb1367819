package org.convene.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.convene.accounts.StaffRole;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The directory API: reads for everyone, writes for the right roles, bad input as RFC 9457 problems. */
@ConveneTest
class DirectoryApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String admin;

    @BeforeEach
    void adminToken() {
        admin = staff.apiToken(staff.networkAdmin());
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String organizationJson(String name, String country, String languages) {
        return """
                {"name":"%s","shortName":"T","country":"%s","languages":[%s],"website":"https://example.org",
                 "description":{"fallback":"en","values":{"en":"A test organization","ar":"منظمة تجريبية"}}}"""
                .formatted(name, country, languages);
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    long createOrganization(String name) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/organizations", admin, organizationJson(name, "KE", "\"sw\",\"en\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    @Test
    void networkAdminCreatesAndEveryoneReads() throws Exception {
        String name = unique("Api Created Association");
        long id = createOrganization(name);

        HttpResponse<String> one = send("GET", "/api/v1/organizations/" + id, null, null);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(one.body());
        assertThat(json.get("name").asString()).isEqualTo(name);
        assertThat(json.get("country").asString()).isEqualTo("KE");
        assertThat(json.get("description").get("values").get("ar").asString()).isEqualTo("منظمة تجريبية");

        HttpResponse<String> list = send("GET", "/api/v1/organizations?country=KE&language=sw&q=" + name.split(" ")[3], null, null);
        assertThat(list.body()).contains(name);
        assertThat(send("GET", "/api/v1/organizations?country=FR&q=" + name.split(" ")[3], null, null).body()).doesNotContain(name);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'directory.organization.created' AND record_id = :id AND actor_email IS NOT NULL")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void suspendedOrganizationsAreHiddenFromThePublic() throws Exception {
        String name = unique("Api Suspended Society");
        long id = createOrganization(name);
        assertThat(send("POST", "/api/v1/organizations/" + id + "/suspend", admin, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/organizations/" + id, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/organizations?q=" + name.split(" ")[3], null, null).body()).doesNotContain(name);
        assertThat(send("GET", "/api/v1/organizations/" + id, admin, null).statusCode()).isEqualTo(200);
        HttpResponse<String> renamed = send("PUT", "/api/v1/organizations/" + id, admin, organizationJson(name + " Renamed", "KE", ""));
        assertThat(JSON.readTree(renamed.body()).get("status").asString()).as("a PUT without status keeps it").isEqualTo("SUSPENDED");
    }

    @Test
    void badInputIsAProblemWithFieldErrors() throws Exception {
        HttpResponse<String> missing = send("POST", "/api/v1/organizations", admin, "{\"country\":\"\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(missing.body()).contains("\"field\":\"name\"").contains("\"field\":\"country\"");

        HttpResponse<String> overlong = send("POST", "/api/v1/organizations", admin, organizationJson("x".repeat(201), "KE", ""));
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(overlong.body()).contains("\"field\":\"name\"");

        HttpResponse<String> badCountry = send("POST", "/api/v1/organizations", admin, organizationJson(unique("Bad Country"), "XX", ""));
        assertThat(badCountry.statusCode()).isEqualTo(400);
        assertThat(badCountry.body()).contains("\"field\":\"country\"");

        HttpResponse<String> badLanguage = send("POST", "/api/v1/organizations", admin, organizationJson(unique("Bad Language"), "KE", "\"xx\""));
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(badLanguage.body()).contains("\"field\":\"languages\"");
    }

    @Test
    void duplicateNameIsAConflict() throws Exception {
        String name = unique("Api Twin Cooperative");
        createOrganization(name);
        HttpResponse<String> twin = send("POST", "/api/v1/organizations", admin, organizationJson(name.toUpperCase(), "KE", ""));
        assertThat(twin.statusCode()).isEqualTo(409);
        assertThat(twin.body()).contains("\"field\":\"name\"");
    }

    @Test
    void writesNeedTheRightRole() throws Exception {
        long a = createOrganization(unique("Api Org A"));
        long b = createOrganization(unique("Api Org B"));
        String editorOfA = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, a));

        HttpResponse<String> anonymous = send("POST", "/api/v1/organizations", null, organizationJson(unique("Anon"), "KE", ""));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(send("PUT", "/api/v1/organizations/" + a, null, organizationJson(unique("Anon"), "KE", "")).statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/api/v1/network", null, "{\"name\":\"x\"}").statusCode()).isEqualTo(401);

        assertThat(send("POST", "/api/v1/organizations", editorOfA, organizationJson(unique("Editor"), "KE", "")).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/organizations/" + b, editorOfA, organizationJson(unique("Taken Over"), "KE", "")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/organizations/" + b + "/suspend", editorOfA, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/organizations/" + a + "/suspend", editorOfA, null).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/network", editorOfA, "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/regions", editorOfA, "{\"name\":{\"values\":{\"en\":\"x\"}}}").statusCode()).isEqualTo(403);

        String renamed = unique("Api Org A Renamed");
        String ownUpdate = organizationJson(renamed, "GH", "\"en\"").replace("}}", "}, \"status\":\"SUSPENDED\"}").replace("}}, \"status\"", "}},\"status\"");
        HttpResponse<String> own = send("PUT", "/api/v1/organizations/" + a, editorOfA, ownUpdate);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(own.body());
        assertThat(json.get("name").asString()).isEqualTo(renamed);
        assertThat(json.get("country").asString()).isEqualTo("GH");
        assertThat(json.get("status").asString()).as("status is a network-admin field").isEqualTo("ACTIVE");
    }

    @Test
    void everyWriteNeedsAToken() throws Exception {
        long a = createOrganization(unique("Api Guarded"));
        String editor = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, a));
        String[][] writes = {{"PUT", "/api/v1/network"}, {"POST", "/api/v1/regions"}, {"PUT", "/api/v1/regions/1"},
                {"POST", "/api/v1/organizations"}, {"POST", "/api/v1/organizations/" + a + "/suspend"},
                {"POST", "/api/v1/organizations/" + a + "/reactivate"}, {"POST", "/api/v1/bodies"}, {"PUT", "/api/v1/bodies/1/members"},
                {"POST", "/api/v1/partner-projects"}, {"GET", "/api/v1/organizations/export"}};
        for (String[] write : writes) {
            String body = write[0].equals("GET") ? null : "{}";
            assertThat(send(write[0], write[1], null, body).statusCode()).as("anonymous " + write[1]).isEqualTo(401);
            assertThat(send(write[0], write[1], editor, body).statusCode()).as("editor " + write[1]).isEqualTo(403);
        }
    }

    @Test
    void logoUploadIsCheckedByContent() throws Exception {
        long id = createOrganization(unique("Api Logo Owner"));
        HttpResponse<String> text = uploadLogo(id, "not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("\"field\":\"logo\"");

        HttpResponse<String> huge = uploadLogo(id, new byte[5_400_000]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> png = uploadLogo(id, org.convene.media.TestImages.png(40, 40));
        assertThat(png.statusCode()).as(png.body()).isEqualTo(200);
        String logoUrl = JSON.readTree(png.body()).get("logoUrl").asString();
        HttpResponse<String> served = send("GET", logoUrl, null, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("content-security-policy")).hasValue("default-src 'none'; sandbox");
    }

    HttpResponse<String> uploadLogo(long id, byte[] content) throws Exception {
        String boundary = "----convene-logo";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organizations/" + id + "/logo"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void openApiDocumentListsTheDirectory() throws Exception {
        HttpResponse<String> doc = send("GET", "/api/openapi.json", null, null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/organizations").contains("/api/v1/organizations/{id}").contains("/api/v1/regions")
                .contains("/api/v1/bodies").contains("/api/v1/partner-projects").contains("/api/v1/network")
                .contains("/api/v1/organizations/import");
    }

    @Test
    void readsNetworkRegionsBodiesAndProjects() throws Exception {
        HttpResponse<String> region = send("POST", "/api/v1/regions", admin,
                "{\"name\":{\"fallback\":\"en\",\"values\":{\"en\":\"" + unique("Api Region") + "\",\"fr\":\"Région\"}},\"sortOrder\":5,\"active\":true}");
        assertThat(region.statusCode()).as(region.body()).isEqualTo(201);
        assertThat(send("GET", "/api/v1/regions", null, null).body()).contains("Api Region");

        String bodyName = unique("Api Committee");
        HttpResponse<String> body = send("POST", "/api/v1/bodies", admin, "{\"name\":\"" + bodyName + "\",\"active\":true}");
        assertThat(body.statusCode()).isEqualTo(201);
        long bodyId = JSON.readTree(body.body()).get("id").asLong();
        long member = createOrganization(unique("Api Member"));
        HttpResponse<String> put = send("PUT", "/api/v1/bodies/" + bodyId + "/members", admin,
                "{\"organizationId\":" + member + ",\"role\":\"CHAIR\"}");
        assertThat(put.body()).contains("CHAIR");
        assertThat(send("GET", "/api/v1/bodies", null, null).body()).contains(bodyName);
        assertThat(send("PUT", "/api/v1/bodies/" + bodyId + "/members", admin, "{\"organizationId\":" + member + ",\"role\":\"KING\"}")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> project = send("POST", "/api/v1/partner-projects", admin,
                "{\"name\":\"" + unique("Api Project") + "\",\"organizationIds\":[" + member + "]}");
        assertThat(project.statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/v1/partner-projects", null, null).body()).contains("Api Project");

        HttpResponse<String> network = send("PUT", "/api/v1/network", admin,
                "{\"name\":\"Common Ground Test Network\",\"description\":{\"fallback\":\"en\",\"values\":{\"en\":\"About us\"}}}");
        assertThat(network.statusCode()).as(network.body()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/network", null, null).body()).contains("Common Ground Test Network");
    }
}
