package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.convene.accounts.internal.StaffAccounts;
import org.convene.platform.web.InvalidInputException;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Invitations by e-mail: who may invite whom, and single-use expiring links. */
@ConveneTest
class InvitationsTest {

    static final String PASSWORD = "harbour willow gentle";

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Invitations invitations;
    @Autowired
    StaffAccounts accounts;

    static String newEmail() {
        return "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void aNetworkAdminInvitesAnEditorWhoAcceptsOnce() {
        TestStaff.Login admin = staff.networkAdmin();
        WebClient web = new WebClient(port).signedIn(admin.email(), admin.password());
        String email = newEmail();
        HttpResponse<String> sent = web.post("/admin/staff/invite", Map.of("email", email, "role", "ORG_EDITOR", "organizationId", "9601"));
        assertThat(WebClient.location(sent)).endsWith("/admin/staff");
        assertThat(web.get("/admin/staff").body()).contains("An invitation is on its way to " + email);

        MailOutboxReader.Mail mail = MailOutboxReader.last(jdbc, email);
        assertThat(mail.subject()).isEqualTo("You are invited to join the staff");
        assertThat(mail.text()).contains("Organization editor").contains("7 days");
        String link = mail.linkPath("/invitation/");

        WebClient invited = new WebClient(port);
        assertThat(invited.get(link).body()).contains(email).contains("Organization editor of").contains("#9601");
        HttpResponse<String> bad = invited.post(link, Map.of("name", "", "password", "password", "confirmPassword", "password"));
        assertThat(bad.body()).contains("This field is required").contains("at least 10 characters");
        assertThat(accounts.byEmail(email)).isEmpty();

        HttpResponse<String> accepted = invited.post(link, Map.of("name", "Noor Invited", "password", PASSWORD, "confirmPassword", PASSWORD));
        assertThat(WebClient.location(accepted)).endsWith("/login");
        StaffMember member = accounts.byEmail(email).orElseThrow().member();
        assertThat(member.role()).isEqualTo(StaffRole.ORG_EDITOR);
        assertThat(member.organizationId()).isEqualTo(9601L);
        assertThat(member.displayName()).isEqualTo("Noor Invited");
        assertThat(WebClient.location(new WebClient(port).login(email, PASSWORD))).endsWith("/admin");

        HttpResponse<String> reused = new WebClient(port).get(link);
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(reused.body()).contains("This link does not work");
        assertThat(new WebClient(port).post(link, Map.of("name", "Again", "password", PASSWORD, "confirmPassword", PASSWORD))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void tamperedAndExpiredInvitationsAreRefused() {
        TestStaff.Login admin = staff.networkAdmin();
        WebClient web = new WebClient(port).signedIn(admin.email(), admin.password());
        String email = newEmail();
        web.post("/admin/staff/invite", Map.of("email", email, "role", "NETWORK_ADMIN", "organizationId", ""));
        String link = MailOutboxReader.last(jdbc, email).linkPath("/invitation/");

        String tampered = link.substring(0, link.length() - 1) + (link.endsWith("x") ? "y" : "x");
        assertThat(new WebClient(port).get(tampered).statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).get("/invitation/%3Cscript%3E").statusCode()).isEqualTo(404);

        jdbc.sql("UPDATE staff_invitation SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE email = :e")
                .param("e", email).update();
        HttpResponse<String> expired = new WebClient(port).get(link);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("has expired");
        assertThat(new WebClient(port).post(link, Map.of("name", "Late", "password", PASSWORD, "confirmPassword", PASSWORD))
                .statusCode()).isEqualTo(404);
        assertThat(accounts.byEmail(email)).isEmpty();
    }

    @Test
    void badInvitationInputIsShownNextToTheField() {
        TestStaff.Login admin = staff.networkAdmin();
        TestStaff.Login existing = staff.create(StaffRole.ORG_EDITOR, 9602L);
        WebClient web = new WebClient(port).signedIn(admin.email(), admin.password());
        assertThat(web.post("/admin/staff/invite", Map.of("email", "not-an-address", "role", "ORG_EDITOR", "organizationId", "9602"))
                .body()).contains("id=\"email-error\"").contains("Enter a valid e-mail address");
        assertThat(web.post("/admin/staff/invite", Map.of("email", existing.email(), "role", "ORG_EDITOR", "organizationId", "9602"))
                .body()).contains("already has a staff account");
        assertThat(web.post("/admin/staff/invite", Map.of("email", newEmail(), "role", "ORG_ADMIN", "organizationId", ""))
                .body()).contains("id=\"organizationId-error\"").contains("need an organization number");
        assertThat(web.post("/admin/staff/invite", Map.of("email", newEmail(), "role", "ORG_ADMIN", "organizationId", "abc"))
                .body()).contains("id=\"organizationId-error\"");
    }

    @Test
    void organizationAdminsInviteOnlyForTheirOwnOrganization() {
        TestStaff.Login orgAdmin = staff.create(StaffRole.ORG_ADMIN, 9603L);
        WebClient web = new WebClient(port).signedIn(orgAdmin.email(), orgAdmin.password());
        String email = newEmail();
        // the organization field is ignored: an organization admin always invites for their own organization
        assertThat(WebClient.location(web.post("/admin/staff/invite",
                Map.of("email", email, "role", "ORG_ADMIN", "organizationId", "9604")))).endsWith("/admin/staff");
        assertThat(jdbc.sql("SELECT organization_id FROM staff_invitation WHERE email = :e").param("e", email)
                .query(Long.class).single()).isEqualTo(9603L);
        assertThat(web.post("/admin/staff/invite", Map.of("email", newEmail(), "role", "NETWORK_ADMIN")).statusCode()).isEqualTo(403);

        // the service other modules call checks the same rights
        asStaff(orgAdmin, StaffRole.ORG_ADMIN, 9603L, () -> {
            assertThatThrownBy(() -> inTransaction(() -> invitations.invite(newEmail(), StaffRole.ORG_EDITOR, 9604L)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> inTransaction(() -> invitations.invite(newEmail(), StaffRole.NETWORK_ADMIN, null)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> inTransaction(() -> invitations.invite(newEmail(), StaffRole.ORG_EDITOR, null)))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(inTransaction(() -> invitations.invite(newEmail(), StaffRole.ORG_EDITOR, 9603L))).isPositive();
        });
        TestStaff.Login editor = staff.create(StaffRole.ORG_EDITOR, 9603L);
        asStaff(editor, StaffRole.ORG_EDITOR, 9603L, () ->
                assertThatThrownBy(() -> inTransaction(() -> invitations.invite(newEmail(), StaffRole.ORG_EDITOR, 9603L)))
                        .isInstanceOf(AccessDeniedException.class));
    }

    @Autowired
    TransactionTemplate transactions;

    private long inTransaction(java.util.function.LongSupplier work) {
        return transactions.execute(tx -> work.getAsLong());
    }

    private static void asStaff(TestStaff.Login login, StaffRole role, Long organizationId, Runnable work) {
        StaffMember member = new StaffMember(login.id(), login.email(), "Test", role, organizationId);
        CurrentStaff.Principal principal = () -> member;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
