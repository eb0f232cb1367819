package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Personal API tokens through the account page: shown once, listed, revoked. */
@ConveneTest
class ApiTokensPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;

    @Test
    void createUseAndRevokeAToken() throws Exception {
        TestStaff.Login login = staff.create(StaffRole.ORG_ADMIN, 9801L);
        WebClient web = new WebClient(port).signedIn(login.email(), login.password());

        assertThat(web.post("/account/tokens", Map.of("name", "  ")).body()).contains("This field is required");
        assertThat(web.post("/account/tokens", Map.of("name", "x".repeat(101))).body()).contains("at most 100 characters");

        assertThat(WebClient.location(web.post("/account/tokens", Map.of("name", "Nightly export")))).endsWith("/account/tokens");
        String page = web.get("/account/tokens").body();
        Matcher m = Pattern.compile("id=\"new-token\"[^>]*>(cvn_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(page).contains("Nightly export").contains("Never");
        assertThat(web.get("/account/tokens").body()).as("shown once").doesNotContain(token);

        HttpResponse<String> me = api(token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(login.email()).contains("ORG_ADMIN");
        assertThat(web.get("/account/tokens").body()).doesNotContain("Never");

        Matcher revoke = Pattern.compile("action=\"(/account/tokens/\\d+/revoke)\"").matcher(page);
        assertThat(revoke.find()).isTrue();
        TestStaff.Login other = staff.create(StaffRole.ORG_ADMIN, 9801L);
        assertThat(new WebClient(port).signedIn(other.email(), other.password()).post(revoke.group(1), Map.of()).statusCode())
                .as("someone else's token").isEqualTo(404);
        assertThat(api(token).statusCode()).isEqualTo(200);

        assertThat(WebClient.location(web.post(revoke.group(1), Map.of()))).endsWith("/account/tokens");
        assertThat(web.get("/account/tokens").body()).contains("You have no tokens");
        HttpResponse<String> revoked = api(token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private HttpResponse<String> api(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
