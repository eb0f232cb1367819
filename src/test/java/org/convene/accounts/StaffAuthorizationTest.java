package org.convene.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.convene.accounts.internal.StaffAccounts;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees and changes which staff: anonymous users are sent to the login page (HTML) or get 401
 * (API); an editor of organization A cannot see or change staff of B, cannot invite, cannot read
 * the audit log; an organization admin manages only their own organization's staff.
 */
@ConveneTest
class StaffAuthorizationTest {

    static final List<String> PRIVATE_PAGES = List.of("/admin", "/admin/staff", "/admin/audit", "/account/security",
            "/account/security/two-factor", "/account/tokens");

    @LocalServerPort
    int port;
    @Autowired
    TestStaff staff;
    @Autowired
    StaffAccounts accounts;

    @Test
    void anonymousUsersGetTheLoginPageOrA401() throws Exception {
        WebClient anonymous = new WebClient(port);
        for (String path : PRIVATE_PAGES) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(WebClient.location(response)).as(path).endsWith("/login");
        }
        for (String path : List.of("/admin/staff/invite", "/admin/staff/1/deactivate", "/account/tokens", "/account/tokens/1/revoke",
                "/account/security/confirm", "/account/security/password", "/account/security/email",
                "/account/security/sessions/end", "/account/security/two-factor/start", "/account/security/two-factor/disable")) {
            HttpResponse<String> response = anonymous.post(path, Map.of());
            assertThat(WebClient.location(response)).as(path).endsWith("/login");
        }
        HttpResponse<String> api = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anEditorOfOneOrganizationCannotSeeOrChangeStaffOrTheAuditLog() {
        TestStaff.Login editorA = staff.create(StaffRole.ORG_EDITOR, 9701L);
        TestStaff.Login editorB = staff.create(StaffRole.ORG_EDITOR, 9702L);
        WebClient web = new WebClient(port).signedIn(editorA.email(), editorA.password());
        assertThat(web.get("/admin").body()).doesNotContain("/admin/staff").doesNotContain("/admin/audit");
        assertThat(web.get("/admin/staff").statusCode()).isEqualTo(403);
        assertThat(web.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(web.post("/admin/staff/invite", Map.of("email", "x@example.org", "role", "ORG_EDITOR")).statusCode()).isEqualTo(403);
        assertThat(web.post("/admin/staff/" + editorB.id() + "/deactivate", Map.of()).statusCode()).isEqualTo(403);
        assertThat(accounts.byId(editorB.id()).orElseThrow().active()).isTrue();
        assertThat(web.get("/account/security").statusCode()).isEqualTo(200);
    }

    @Test
    void anOrganizationAdminManagesOnlyTheirOwnOrganizationsStaff() {
        TestStaff.Login adminA = staff.create(StaffRole.ORG_ADMIN, 9711L);
        TestStaff.Login editorA = staff.create(StaffRole.ORG_EDITOR, 9711L);
        TestStaff.Login editorB = staff.create(StaffRole.ORG_EDITOR, 9712L);
        TestStaff.Login network = staff.networkAdmin();
        WebClient web = new WebClient(port).signedIn(adminA.email(), adminA.password());
        WebClient editorSession = new WebClient(port).signedIn(editorA.email(), editorA.password());

        String list = web.get("/admin/staff").body();
        assertThat(list).contains(editorA.email()).contains(adminA.email()).doesNotContain(editorB.email()).doesNotContain(network.email());
        assertThat(list).contains("Staff of #9711");
        assertThat(web.get("/admin/audit").statusCode()).isEqualTo(403);

        assertThat(web.post("/admin/staff/" + editorB.id() + "/deactivate", Map.of()).statusCode()).isEqualTo(404);
        assertThat(web.post("/admin/staff/" + network.id() + "/deactivate", Map.of()).statusCode()).isEqualTo(404);
        assertThat(web.post("/admin/staff/" + adminA.id() + "/deactivate", Map.of()).statusCode()).as("not oneself").isEqualTo(404);
        assertThat(accounts.byId(editorB.id()).orElseThrow().active()).isTrue();

        assertThat(WebClient.location(web.post("/admin/staff/" + editorA.id() + "/deactivate", Map.of()))).endsWith("/admin/staff");
        assertThat(accounts.byId(editorA.id()).orElseThrow().active()).isFalse();
        assertThat(editorSession.get("/admin").statusCode()).as("their session ended").isEqualTo(302);
        assertThat(WebClient.location(new WebClient(port).login(editorA.email(), editorA.password()))).endsWith("/login?error");
    }

    @Test
    void aNetworkAdminSeesEveryone() {
        TestStaff.Login editorA = staff.create(StaffRole.ORG_EDITOR, 9721L);
        TestStaff.Login editorB = staff.create(StaffRole.ORG_EDITOR, 9722L);
        TestStaff.Login network = staff.networkAdmin();
        String list = new WebClient(port).signedIn(network.email(), network.password()).get("/admin/staff").body();
        assertThat(list).contains(editorA.email()).contains(editorB.email()).contains("#9721").contains("#9722");
    }
}
