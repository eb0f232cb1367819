package org.convene.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.convene.accounts.StaffMember;
import org.convene.accounts.StaffRole;
import org.convene.support.ConveneTest;
import org.convene.support.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * With {@code convene.accounts.require-two-factor-for-network-admins} on, a network admin without
 * 2FA is sent to enrol before any other admin page. (The setting is read at start-up, so the rule is
 * checked on the filter itself with the setting on, against the real database.)
 */
@ConveneTest
class SessionRulesFilterTest {

    @Autowired
    TestStaff staff;
    @Autowired
    TwoFactor twoFactor;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void networkAdminsWithoutTwoFactorMustEnrolFirst() throws Exception {
        SessionRulesFilter filter = new SessionRulesFilter(properties(true), twoFactor);
        TestStaff.Login admin = staff.networkAdmin();
        signIn(admin, StaffRole.NETWORK_ADMIN, null);

        assertThat(run(filter, "/admin").getRedirectedUrl()).isEqualTo("/account/security?required");
        assertThat(run(filter, "/admin/staff").getRedirectedUrl()).isEqualTo("/account/security?required");
        assertThat(run(filter, "/account/tokens").getRedirectedUrl()).isEqualTo("/account/security?required");
        assertThat(run(filter, "/account/security").getRedirectedUrl()).as("enrolment itself").isNull();
        assertThat(run(filter, "/account/security/two-factor").getRedirectedUrl()).isNull();
        assertThat(run(filter, "/directory").getRedirectedUrl()).as("public pages").isNull();

        String secret = twoFactor.newSecret();
        long step = Math.floorDiv(System.currentTimeMillis() / 1000, 30);
        assertThat(twoFactor.enable(admin.id(), secret, new dev.samstevens.totp.code.DefaultCodeGenerator().generate(secret, step))).hasSize(10);
        assertThat(run(filter, "/admin").getRedirectedUrl()).as("enrolled").isNull();
    }

    @Test
    void otherRolesAndTheDefaultSettingAreNotAffected() throws Exception {
        TestStaff.Login editor = staff.create(StaffRole.ORG_EDITOR, 9951L);
        signIn(editor, StaffRole.ORG_EDITOR, 9951L);
        assertThat(run(new SessionRulesFilter(properties(true), twoFactor), "/admin").getRedirectedUrl()).isNull();

        TestStaff.Login admin = staff.networkAdmin();
        signIn(admin, StaffRole.NETWORK_ADMIN, null);
        assertThat(run(new SessionRulesFilter(properties(false), twoFactor), "/admin").getRedirectedUrl()).isNull();
    }

    private static MockHttpServletResponse run(SessionRulesFilter filter, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static void signIn(TestStaff.Login login, StaffRole role, Long organization) {
        StaffPrincipal principal = new StaffPrincipal(new StaffMember(login.id(), login.email(), "Test", role, organization), null, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private static AccountsProperties properties(boolean requireTwoFactor) {
        return new AccountsProperties(new AccountsProperties.Admin(null, null), 5, Duration.ofMinutes(15), 20, Duration.ofHours(1),
                Duration.ofDays(7), requireTwoFactor, Duration.ofHours(12), Duration.ofMinutes(5), Duration.ofDays(90));
    }
}
