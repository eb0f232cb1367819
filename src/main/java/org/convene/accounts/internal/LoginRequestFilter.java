package org.convene.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.convene.accounts.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the password is checked: a client address over its allowance of login and reset
 * requests is sent back with a "wait a minute" notice, and a locked e-mail address gets the
 * lockout notice without its password being looked at.
 */
class LoginRequestFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginRequestFilter(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return !"POST".equals(request.getMethod())
                || !(path.equals("/login") || path.equals("/login/two-factor") || path.equals("/password-reset"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        if (!throttle.tryClient(request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + (path.equals("/password-reset") ? path : "/login") + "?throttled");
            return;
        }
        if (path.equals("/login") && throttle.isLocked(request.getParameter("email"))) {
            audit.record("login.locked", "staff_account", null, null);
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
