package org.convene.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.convene.accounts.StaffRole;
import org.convene.directory.internal.OrganizationStore;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CSV import and export through the API: every bad row reported with its line, nothing imported until the file is clean. */
@ConveneTest
class OrganizationCsvTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    OrganizationStore organizations;

    String admin;
    String tag;

    @BeforeEach
    void setUp() {
        admin = staff.apiToken(staff.networkAdmin());
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> upload(String token, String csv) throws Exception {
        String boundary = "----convene" + tag;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"organizations.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organizations/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void cleanFileIsImportedAndExported() throws Exception {
        String csv = """
                name,short_name,country,region,languages,website,social_handles,description,description_language,status,joined_on
                Csv Harbour Group %1$s,CHG,PT,,pt en,https://example.org/chg,@chg,"Um grupo, com vírgula",pt,ACTIVE,2021-03-04
                Csv Valley Circle %1$s,,ID,,id,,,"Lingkar lembah",id,,
                """.formatted(tag);
        HttpResponse<String> response = upload(admin, csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"imported\":2");
        assertThat(organizations.idByName("Csv Harbour Group " + tag)).isPresent();

        HttpResponse<String> export = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organizations/export"))
                        .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).startsWith("name,short_name,country,region,languages")
                .contains("Csv Harbour Group " + tag + ",CHG,PT,,pt en,https://example.org/chg,@chg,\"Um grupo, com vírgula\",pt,ACTIVE,2021-03-04");
    }

    @Test
    void everyBadRowIsReportedAndNothingIsImported() throws Exception {
        String existing = "Csv Existing " + tag;
        assertThat(upload(admin, "name,country\n" + existing + ",KE\n").statusCode()).isEqualTo(200);
        String csv = "name,short_name,country,languages,website\n"
                + "Csv Good Row " + tag + ",G,KE,sw,\n"                          // line 2: fine
                + ",X,KE,,\n"                                                     // line 3: name missing
                + "Csv Bad Country " + tag + ",,XX,,\n"                           // line 4: invalid country
                + "Csv Bad Language " + tag + ",,KE,zz,\n"                        // line 5: invalid language
                + "Csv Good Row " + tag.toUpperCase() + ",,KE,,\n"                // line 6: duplicate in the file
                + existing + ",,KE,,\n"                                           // line 7: already in the directory
                + "x".repeat(201) + ",,KE,,\n"                                    // line 8: overlong name
                + "Csv Bad Site " + tag + ",,KE,,javascript:alert(1)\n";          // line 9: not a web address
        HttpResponse<String> response = upload(admin, csv);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(rows(response)).extracting(r -> r.get("line") + " " + r.get("code")).containsExactly(
                "3 directory.csv.nameMissing", "4 directory.csv.country", "5 directory.csv.language",
                "6 directory.csv.duplicateInFile", "7 directory.csv.duplicateInDirectory", "8 directory.csv.tooLong",
                "9 directory.csv.website");
        assertThat(rows(response).get(1)).containsEntry("message", "Not an ISO 3166-1 two-letter country code:").containsEntry("detail", "XX");
        assertThat(organizations.idByName("Csv Good Row " + tag)).as("all or nothing").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<java.util.Map<String, Object>> rows(HttpResponse<String> response) {
        java.util.Map<String, Object> problem = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(response.body(), java.util.Map.class);
        return (java.util.List<java.util.Map<String, Object>>) problem.get("rows");
    }

    @Test
    void malformedCsvIsReportedWithItsLine() throws Exception {
        String csv = "name,country\nCsv Fine " + tag + ",KE\n\"Csv Unclosed " + tag + ",KE\nCsv After " + tag + ",FR\n";
        HttpResponse<String> response = upload(admin, csv);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(rows(response)).extracting(r -> r.get("line") + " " + r.get("code")).containsExactly("3 directory.csv.malformed");
        assertThat(organizations.idByName("Csv Fine " + tag)).isEmpty();

        HttpResponse<String> noHeader = upload(admin, "just some text\n");
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(noHeader.body()).contains("directory.csv.header");
    }

    @Test
    void onlyNetworkAdminsImport() throws Exception {
        assertThat(upload(null, "name,country\nX,KE\n").statusCode()).isEqualTo(401);
        String editor = staff.apiToken(staff.create(StaffRole.ORG_EDITOR, 1L));
        assertThat(upload(editor, "name,country\nX,KE\n").statusCode()).isEqualTo(403);
    }
}
