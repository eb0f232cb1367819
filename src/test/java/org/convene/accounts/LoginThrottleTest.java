package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed logins lock an address for a while, known or not; a client address has a login allowance. */
@ConveneTest
class LoginThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9101L);
        WebClient web = new WebClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(WebClient.location(web.login(login.email(), "wrong password " + i))).endsWith("/login?error");
        }
        assertThat(WebClient.location(web.login(login.email(), "wrong password 5"))).endsWith("/login?locked");
        assertThat(WebClient.location(web.login(login.email(), login.password()))).endsWith("/login?locked");

        String page = web.get("/login?locked").body();
        assertThat(page).contains("Too many failed attempts with this e-mail address. Wait 15 minutes");

        // when the lockout has run out, the right password works again and clears the count
        jdbc.sql("UPDATE login_failure SET locked_until = now() - interval '1 second'").update();
        assertThat(WebClient.location(web.login(login.email(), login.password()))).endsWith("/admin");
    }

    @Test
    void unknownAddressesLockTheSameWaySoNothingIsRevealed() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        WebClient web = new WebClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(WebClient.location(web.login(unknown, "wrong password " + i))).endsWith("/login?error");
        }
        assertThat(WebClient.location(web.login(unknown, "wrong password 5"))).endsWith("/login?locked");
        assertThat(WebClient.location(web.login(unknown, "anything at all"))).endsWith("/login?locked");
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9101L);
        WebClient web = new WebClient(port);
        for (int i = 1; i <= 4; i++) {
            web.login(login.email(), "wrong password " + i);
        }
        assertThat(WebClient.location(web.login(login.email(), login.password()))).endsWith("/admin");
        WebClient other = new WebClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(WebClient.location(other.login(login.email(), "wrong again " + i))).endsWith("/login?error");
        }
    }

    @Test
    void aClientAddressOverItsAllowanceIsToldToWait() {
        WebClient web = new WebClient(port);
        String csrf = web.csrfToken();
        int allowance = 200;
        for (int i = 0; i < allowance; i++) {
            HttpResponse<String> response = web.postRaw("/password-reset", Map.of("_csrf", csrf, "email", ""));
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
        }
        HttpResponse<String> refused = web.postRaw("/login", Map.of("_csrf", csrf, "email", "a@example.org", "password", "x"));
        assertThat(WebClient.location(refused)).endsWith("/login?throttled");
        assertThat(web.get("/login?throttled").body()).contains("Too many attempts from your network");

        // another client address is not affected
        assertThat(WebClient.location(new WebClient(port).login("someone-" + UUID.randomUUID() + "@example.org", "x")))
                .endsWith("/login?error");
    }
}
