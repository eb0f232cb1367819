package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Session cookie names and flags, idle and absolute timeouts, no-store caching and CSRF. */
@ConveneTest
class SessionsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void cookieIsHostPrefixedAndSecureBehindHttps() {
        WebClient web = new WebClient(port);
        HttpResponse<String> plain = web.send(web.request("/login").GET().build());
        String plainCookie = sessionCookie(plain);
        assertThat(plainCookie).startsWith("convene-session=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> https = web.send(new WebClient(port).request("/login").header("X-Forwarded-Proto", "https").GET().build());
        String secureCookie = sessionCookie(https);
        assertThat(secureCookie).startsWith("__Host-convene-session=").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/").doesNotContain("Domain=");
    }

    @Test
    void idleSessionsEndAfterThirtyMinutes() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9501L);
        WebClient web = new WebClient(port).signedIn(login.email(), login.password());
        assertThat(jdbc.sql("SELECT DISTINCT max_inactive_interval FROM spring_session WHERE principal_name = :p")
                .param("p", login.email()).query(Integer.class).single()).isEqualTo(1800);

        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 29 * 60000 WHERE principal_name = :p")
                .param("p", login.email()).update();
        assertThat(web.get("/admin").statusCode()).as("29 minutes idle").isEqualTo(200);

        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 31 * 60000 WHERE principal_name = :p")
                .param("p", login.email()).update();
        assertThat(web.get("/admin").statusCode()).as("31 minutes idle").isEqualTo(302);
    }

    @Test
    void sessionsEndTwelveHoursAfterTheyBeganHoweverActive() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9501L);
        WebClient web = new WebClient(port).signedIn(login.email(), login.password());
        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - 11 * 3600000 WHERE principal_name = :p")
                .param("p", login.email()).update();
        assertThat(web.get("/admin").statusCode()).as("11 hours old").isEqualTo(200);

        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - 2 * 3600000 WHERE principal_name = :p")
                .param("p", login.email()).update();
        HttpResponse<String> expired = web.get("/admin");
        assertThat(expired.statusCode()).as("13 hours old").isEqualTo(302);
        assertThat(WebClient.location(expired)).endsWith("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :p").param("p", login.email())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void privatePagesAreNeverCached() {
        TestStaff.Login login = staff.networkAdmin();
        WebClient web = new WebClient(port).signedIn(login.email(), login.password());
        for (String path : List.of("/admin", "/admin/staff", "/admin/audit", "/account/security", "/account/tokens")) {
            HttpResponse<String> response = web.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        }
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9501L);
        WebClient web = new WebClient(port).signedIn(login.email(), login.password());
        HttpResponse<String> response = web.postRaw("/account/tokens", Map.of("name", "no csrf"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(web.postRaw("/account/security/sessions/end", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).postRaw("/login", Map.of("email", login.email(), "password", login.password())).statusCode())
                .isEqualTo(403);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("convene-session=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }
}
