package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** TOTP enrolment and the second login step: each time step and each recovery code works once. */
@ConveneTest
class TwoFactorTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loginAsksForTheCodeAndEachCodeWorksOnce() {
        TestStaff.Login login = staff.create(StaffRole.ORG_ADMIN, 9301L);
        TwoFactorSteps.Enrolment enrolment = TwoFactorSteps.enrol(new WebClient(port).signedIn(login.email(), login.password()), login.password());
        assertThat(jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = :id").param("id", login.id())
                .query(Integer.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT string_agg(code_hash, ',') FROM recovery_code WHERE account_id = :id").param("id", login.id())
                .query(String.class).single()).doesNotContain(enrolment.recoveryCodes().getFirst());

        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.login(login.email(), login.password()))).endsWith("/login/two-factor");
        assertThat(web.get("/admin").statusCode()).as("not signed in before the code").isEqualTo(302);
        assertThat(web.get("/login/two-factor").body()).contains("Two-step verification");

        HttpResponse<String> reused = web.post("/login/two-factor",
                Map.of("code", TwoFactorSteps.code(enrolment.secret(), enrolment.step())));
        assertThat(reused.body()).as("the code used at enrolment").contains("wrong or was already used");
        HttpResponse<String> wrong = web.post("/login/two-factor", Map.of("code", "12345"));
        assertThat(wrong.body()).contains("wrong or was already used");

        String next = TwoFactorSteps.code(enrolment.secret(), enrolment.step() + 1);
        assertThat(WebClient.location(web.post("/login/two-factor", Map.of("code", next))))
                .as("back to the page the login interrupted").endsWith("/admin?continue");
        assertThat(web.get("/admin").statusCode()).isEqualTo(200);

        WebClient replay = new WebClient(port);
        replay.login(login.email(), login.password());
        assertThat(replay.post("/login/two-factor", Map.of("code", next)).body()).contains("wrong or was already used");

        String recovery = enrolment.recoveryCodes().get(3);
        assertThat(WebClient.location(replay.post("/login/two-factor", Map.of("code", recovery.toUpperCase())))).endsWith("/admin");
        WebClient again = new WebClient(port);
        again.login(login.email(), login.password());
        assertThat(again.post("/login/two-factor", Map.of("code", recovery)).body()).contains("wrong or was already used");
        assertThat(again.get("/account/security").statusCode()).isEqualTo(302);
    }

    @Test
    void wrongCodesCountTowardsTheLockout() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9301L);
        TwoFactorSteps.enrol(new WebClient(port).signedIn(login.email(), login.password()), login.password());
        WebClient web = new WebClient(port);
        web.login(login.email(), login.password());
        for (int i = 0; i < 4; i++) {
            assertThat(web.post("/login/two-factor", Map.of("code", "00000" + i)).statusCode()).isEqualTo(200);
        }
        assertThat(WebClient.location(web.post("/login/two-factor", Map.of("code", "000009")))).endsWith("/login?locked");
        assertThat(WebClient.location(web.get("/login/two-factor"))).endsWith("/login");
    }

    @Test
    void turningItOffNeedsThePasswordAndACode() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9301L);
        WebClient enrolled = new WebClient(port).signedIn(login.email(), login.password());
        TwoFactorSteps.Enrolment enrolment = TwoFactorSteps.enrol(enrolled, login.password());

        WebClient web = new WebClient(port);
        web.login(login.email(), login.password());
        web.post("/login/two-factor", Map.of("code", enrolment.recoveryCodes().getFirst()));
        assertThat(WebClient.location(web.post("/account/security/two-factor/disable", Map.of()))).endsWith("/account/security?confirm");
        assertThat(web.get("/account/security").body()).contains("Unused recovery codes: 9");

        HttpResponse<String> noCode = web.post("/account/security/confirm", Map.of("password", login.password()));
        assertThat(noCode.body()).contains("The password or the code is wrong");
        HttpResponse<String> wrongPassword = web.post("/account/security/confirm",
                Map.of("password", "not my password", "code", enrolment.recoveryCodes().get(1)));
        assertThat(wrongPassword.body()).contains("The password or the code is wrong");

        HttpResponse<String> confirmed = web.post("/account/security/confirm",
                Map.of("password", login.password(), "code", enrolment.recoveryCodes().get(1)));
        assertThat(WebClient.location(confirmed)).endsWith("/account/security");
        assertThat(WebClient.location(web.post("/account/security/two-factor/disable", Map.of()))).endsWith("/account/security");
        assertThat(web.get("/account/security").body()).contains("Two-factor authentication is off.");
        assertThat(WebClient.location(new WebClient(port).login(login.email(), login.password()))).endsWith("/admin");
        assertThat(jdbc.sql("SELECT count(*) FROM recovery_code WHERE account_id = :id").param("id", login.id())
                .query(Integer.class).single()).isZero();
    }
}
