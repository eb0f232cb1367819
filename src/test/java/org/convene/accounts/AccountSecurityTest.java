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

/** Changing password and e-mail needs a re-authentication; other sessions can be ended. */
@ConveneTest
class AccountSecurityTest {

    static final String NEW_PASSWORD = "copper meadow lighthouse";

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void changingThePasswordNeedsTheCurrentOneAndCanEndOtherSessions() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9401L);
        WebClient other = new WebClient(port).signedIn(login.email(), login.password());
        WebClient web = new WebClient(port).signedIn(login.email(), login.password());

        Map<String, String> change = Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD, "endOtherSessions", "true");
        assertThat(WebClient.location(web.post("/account/security/password", change))).endsWith("/account/security?confirm");
        assertThat(web.get("/account/security").body()).contains("Confirm it is you").doesNotContain("Change the password");

        HttpResponse<String> wrong = web.post("/account/security/confirm", Map.of("password", "not the password"));
        assertThat(wrong.body()).contains("The password or the code is wrong");
        TwoFactorSteps.confirm(web, login.password());

        HttpResponse<String> weak = web.post("/account/security/password",
                Map.of("newPassword", "short", "confirmPassword", "short"));
        assertThat(weak.body()).contains("at least 10 characters");

        assertThat(WebClient.location(web.post("/account/security/password", change))).endsWith("/account/security");
        assertThat(web.get("/account/security").body()).contains("Your password is changed");
        assertThat(other.get("/admin").statusCode()).as("other session ended").isEqualTo(302);
        assertThat(web.get("/admin").statusCode()).as("this session continues").isEqualTo(200);
        assertThat(WebClient.location(new WebClient(port).login(login.email(), NEW_PASSWORD))).endsWith("/admin");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'password.changed' AND record_id = :id")
                .param("id", String.valueOf(login.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void changingTheEmailAddress() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9401L);
        TestStaff.Login someoneElse = staff.create(StaffRole.ORG_EDITOR, 9402L);
        WebClient web = new WebClient(port).signedIn(login.email(), login.password());
        String newEmail = "renamed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        assertThat(WebClient.location(web.post("/account/security/email", Map.of("email", newEmail)))).endsWith("?confirm");
        TwoFactorSteps.confirm(web, login.password());
        assertThat(web.post("/account/security/email", Map.of("email", "not-an-address")).body()).contains("Enter a valid e-mail address");
        assertThat(web.post("/account/security/email", Map.of("email", someoneElse.email().toUpperCase())).body())
                .contains("already belongs to a staff account");

        assertThat(WebClient.location(web.post("/account/security/email", Map.of("email", newEmail)))).endsWith("/account/security");
        assertThat(web.get("/account/security").body()).contains("Signed in as " + newEmail);
        assertThat(WebClient.location(new WebClient(port).login(newEmail, login.password()))).endsWith("/admin");
        assertThat(WebClient.location(new WebClient(port).login(login.email(), login.password()))).endsWith("/login?error");
    }

    @Test
    void logOutMyOtherSessions() {
        TestStaff.Login login = staff.create(StaffRole.ORG_ADMIN, 9401L);
        WebClient phone = new WebClient(port).signedIn(login.email(), login.password());
        WebClient laptop = new WebClient(port).signedIn(login.email(), login.password());
        assertThat(laptop.get("/account/security").body()).contains("Other sessions open on this account: 1.");

        assertThat(WebClient.location(laptop.post("/account/security/sessions/end", Map.of()))).endsWith("/account/security");
        assertThat(laptop.get("/account/security").body()).contains("Your other sessions have ended")
                .contains("Other sessions open on this account: 0.");
        assertThat(phone.get("/admin").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/admin").statusCode()).isEqualTo(200);
    }
}
