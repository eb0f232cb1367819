package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.convene.accounts.internal.AuditEntries;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What goes into the audit log, the page network admins read it on, and how long it is kept. */
@ConveneTest
class AuditLogTest {

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditEntries entries;

    @Test
    void loginsAreRecordedWithoutTheTypedAddressOfUnknownAccounts() {
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9901L);
        String unknown = "typo-" + UUID.randomUUID() + "@example.org";
        new WebClient(port).login(unknown, "whatever it is");
        new WebClient(port).login(login.email(), "wrong password");
        new WebClient(port).login(login.email(), login.password());

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE concat_ws(' ', actor_email, record_id, detail) LIKE :u")
                .param("u", "%" + unknown + "%").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE record_type = 'staff_account' AND record_id = :id ORDER BY id")
                .param("id", String.valueOf(login.id())).query(String.class).list()).containsExactly("login.failed", "login.succeeded");
        assertThat(jdbc.sql("SELECT client_hash FROM audit_entry WHERE action = 'login.succeeded' AND record_id = :id")
                .param("id", String.valueOf(login.id())).query(String.class).single()).matches("[0-9a-f]{16}");
    }

    @Test
    void networkAdminsReadTheLogNewestFirstFilteredAndPaged() {
        TestStaff.Login admin = staff.networkAdmin();
        String marker = "marker-" + UUID.randomUUID();
        for (int i = 0; i < AuditEntries.PAGE_SIZE + 5; i++) {
            jdbc.sql("INSERT INTO audit_entry (action, detail, at) VALUES ('test.paging', :d, now() - make_interval(secs => :i))")
                    .param("d", marker + "-" + i).param("i", i).update();
        }
        WebClient web = new WebClient(port).signedIn(admin.email(), admin.password());
        String first = web.get("/admin/audit?action=test.paging").body();
        assertThat(first).contains(marker + "-0<").contains(marker + "-49<").doesNotContain(marker + "-50<")
                .doesNotContain("login.succeeded</td>").contains("Older entries");
        assertThat(first.indexOf(marker + "-0<")).isLessThan(first.indexOf(marker + "-1<"));
        String second = web.get("/admin/audit?action=test.paging&page=1").body();
        assertThat(second).contains(marker + "-50<").contains(marker + "-54<").doesNotContain(marker + "-49<").contains("Newer entries");
        assertThat(web.get("/admin/audit").body()).contains("<option value=\"test.paging\"");
    }

    @Test
    void staffChangesAreRecorded() {
        TestStaff.Login admin = staff.networkAdmin();
        WebClient web = new WebClient(port).signedIn(admin.email(), admin.password());
        String email = "audited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        web.post("/admin/staff/invite", Map.of("email", email, "role", "ORG_EDITOR", "organizationId", "9902"));
        web.post("/account/tokens", Map.of("name", "audited token"));
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor_id = :id ORDER BY id").param("id", admin.id())
                .query(String.class).list()).contains("login.succeeded", "invitation.sent", "api-token.created");
    }

    @Test
    void entriesOlderThanTheRetentionAreDeleted() {
        String marker = "retention-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO audit_entry (action, detail, at) VALUES ('test.retention', :d, now() - interval '91 days')")
                .param("d", marker + "-old").update();
        jdbc.sql("INSERT INTO audit_entry (action, detail, at) VALUES ('test.retention', :d, now() - interval '89 days')")
                .param("d", marker + "-recent").update();
        TestStaff.Login login = staff.create(StaffRole.ORG_EDITOR, 9903L);
        jdbc.sql("""
                INSERT INTO password_reset (token_hash, account_id, created_at, expires_at)
                VALUES (:hash, :id, now() - interval '3 days', now() - interval '2 days')""")
                .param("hash", marker).param("id", login.id()).update();
        assertThat(entries.deleteExpired()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset WHERE token_hash = :m").param("m", marker)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE detail LIKE :m").param("m", marker + "%").query(String.class).list())
                .containsExactly(marker + "-recent");
    }
}
