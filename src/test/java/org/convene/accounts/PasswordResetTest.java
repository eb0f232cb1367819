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

/** Password reset by e-mail: no account enumeration, single-use expiring links, sessions end. */
@ConveneTest
class PasswordResetTest {

    static final String NEW_PASSWORD = "lantern orchard seventeen";

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void answersTheSameForKnownAndUnknownAddresses() {
        TestStaff.Login login = staff.create(StaffRole.ORG_ADMIN, 9201L);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> known = new WebClient(port).post("/password-reset", Map.of("email", login.email()));
        HttpResponse<String> notKnown = new WebClient(port).post("/password-reset", Map.of("email", unknown));
        assertThat(known.statusCode()).isEqualTo(200).isEqualTo(notKnown.statusCode());
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(notKnown.body()));
        assertThat(known.body()).contains("If a staff account has this address");

        assertThat(MailOutboxReader.to(jdbc, unknown)).isEmpty();
        MailOutboxReader.Mail mail = MailOutboxReader.last(jdbc, login.email());
        assertThat(mail.subject()).isEqualTo("Choose a new password");
        assertThat(mail.text()).contains("/password-reset/");
        String token = mail.linkPath("/password-reset/").substring("/password-reset/".length());
        String stored = jdbc.sql("SELECT string_agg(token_hash, ',') FROM password_reset").query(String.class).single();
        assertThat(stored).doesNotContain(token);
    }

    @Test
    void theLinkSetsANewPasswordOnceAndEndsAllSessions() {
        TestStaff.Login login = staff.create(StaffRole.ORG_ADMIN, 9201L);
        WebClient elsewhere = new WebClient(port).signedIn(login.email(), login.password());
        assertThat(elsewhere.get("/admin").statusCode()).isEqualTo(200);

        WebClient web = new WebClient(port);
        web.post("/password-reset", Map.of("email", login.email().toUpperCase()));
        String link = MailOutboxReader.last(jdbc, login.email()).linkPath("/password-reset/");
        assertThat(web.get(link).body()).contains("Choose a new password");

        HttpResponse<String> weak = web.post(link, Map.of("password", "password123", "confirmPassword", "password123"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("too common");
        HttpResponse<String> mismatch = web.post(link, Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD + "x"));
        assertThat(mismatch.body()).contains("The two passwords differ");

        HttpResponse<String> done = web.post(link, Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        assertThat(WebClient.location(done)).endsWith("/login");

        assertThat(elsewhere.get("/admin").statusCode()).as("the other session ended").isEqualTo(302);
        assertThat(WebClient.location(new WebClient(port).login(login.email(), login.password()))).endsWith("/login?error");
        assertThat(WebClient.location(new WebClient(port).login(login.email(), NEW_PASSWORD))).endsWith("/admin");

        HttpResponse<String> again = web.get(link);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("This link does not work");
        assertThat(web.post(link, Map.of("password", "another fine passphrase", "confirmPassword", "another fine passphrase"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void tamperedAndExpiredLinksAreRefused() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9201L);
        WebClient web = new WebClient(port);
        web.post("/password-reset", Map.of("email", login.email()));
        String link = MailOutboxReader.last(jdbc, login.email()).linkPath("/password-reset/");

        String tampered = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> page = web.get(tampered);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This link does not work").doesNotContain("Exception");
        assertThat(web.get("/password-reset/short").statusCode()).isEqualTo(404);

        jdbc.sql("""
                UPDATE password_reset SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
                WHERE account_id = :id""").param("id", login.id()).update();
        assertThat(web.get(link).statusCode()).isEqualTo(404);
        assertThat(web.post(link, Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(WebClient.location(new WebClient(port).login(login.email(), login.password()))).endsWith("/admin");
    }

    @Test
    void aBlankAddressIsAskedForAgain() {
        HttpResponse<String> response = new WebClient(port).post("/password-reset", Map.of("email", " "));
        assertThat(response.body()).contains("Enter a valid e-mail address").contains("aria-invalid=\"true\"");
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
