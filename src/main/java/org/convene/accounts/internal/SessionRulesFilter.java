package org.convene.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two rules about sessions. The absolute timeout: a session ends
 * {@code convene.accounts.session-absolute-timeout} after it began, however active it is (the idle
 * timeout is Spring Session's {@code spring.session.timeout}). And, when
 * {@code convene.accounts.require-two-factor-for-network-admins} is on, a network admin without
 * two-factor authentication is sent to enrol before any other admin page.
 */
class SessionRulesFilter extends OncePerRequestFilter {

    static final String ENROL_PATH = "/account/security";

    private final AccountsProperties properties;
    private final TwoFactor twoFactor;

    SessionRulesFilter(AccountsProperties properties, TwoFactor twoFactor) {
        this.properties = properties;
        this.twoFactor = twoFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getCreationTime() + properties.sessionAbsoluteTimeout().toMillis() < System.currentTimeMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        if (properties.requireTwoFactorForNetworkAdmins() && mustEnrolFirst(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + ENROL_PATH + "?required");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean mustEnrolFirst(String path) {
        boolean adminPage = path.equals("/admin") || path.startsWith("/admin/")
                || (path.startsWith("/account/") && !path.startsWith(ENROL_PATH));
        if (!adminPage) {
            return false;
        }
        StaffMember staff = CurrentStaff.get().orElse(null);
        return staff != null && staff.isNetworkAdmin() && !twoFactor.isEnabled(staff.id());
    }
}
