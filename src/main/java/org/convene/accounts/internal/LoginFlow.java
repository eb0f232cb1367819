package org.convene.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.convene.accounts.AuditLog;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Service;

/**
 * What happens after the password form: failures count towards the lockout and go to the audit
 * log (without the typed address when no account has it); a success either completes the login
 * or, for an account with two-factor authentication, waits in the session for the code.
 */
@Service
public class LoginFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String PENDING = "convene.pendingLogin";
    private static final Duration PENDING_VALIDITY = Duration.ofMinutes(5);

    /** A correct password, waiting for the second factor. */
    public record Pending(long accountId, String email, Instant at) implements Serializable {
    }

    public enum Outcome { SIGNED_IN, WRONG_CODE, LOCKED, EXPIRED }

    private final StaffAccounts accounts;
    private final LoginThrottle throttle;
    private final TwoFactor twoFactor;
    private final AuditLog audit;
    private final SecurityContextRepository contexts;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    LoginFlow(StaffAccounts accounts, LoginThrottle throttle, TwoFactor twoFactor, AuditLog audit, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.twoFactor = twoFactor;
        this.audit = audit;
        this.contexts = contexts;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String email = request.getParameter("email");
        boolean locked = throttle.recordFailure(email);
        Long accountId = accounts.byEmail(email).map(a -> a.member().id()).orElse(null);
        audit.record("login.failed", "staff_account", accountId, accountId == null ? "unknown account" : null);
        response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
        long id = principal.member().id();
        if (twoFactor.isEnabled(id)) {
            SecurityContextHolder.clearContext();
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            request.getSession().setAttribute(PENDING, new Pending(id, principal.member().email(), Instant.now()));
            response.sendRedirect(request.getContextPath() + "/login/two-factor");
            return;
        }
        throttle.recordSuccess(principal.member().email());
        audit.record("login.succeeded", "staff_account", id, null);
        response.sendRedirect(target(request, response));
    }

    public Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) instanceof Pending p
                && p.at().plus(PENDING_VALIDITY).isAfter(Instant.now())) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The second step: a TOTP or recovery code for the pending login. */
    public Outcome completeWithCode(HttpServletRequest request, HttpServletResponse response, String code) {
        Optional<Pending> pending = pending(request);
        if (pending.isEmpty()) {
            return Outcome.EXPIRED;
        }
        Pending p = pending.get();
        if (throttle.isLocked(p.email())) {
            request.getSession().removeAttribute(PENDING);
            return Outcome.LOCKED;
        }
        if (!twoFactor.verify(p.accountId(), code)) {
            boolean locked = throttle.recordFailure(p.email());
            audit.record("login.failed", "staff_account", p.accountId(), "wrong second factor");
            if (locked) {
                request.getSession().removeAttribute(PENDING);
                return Outcome.LOCKED;
            }
            return Outcome.WRONG_CODE;
        }
        var account = accounts.byId(p.accountId()).filter(StaffAccounts.Account::active);
        request.getSession().removeAttribute(PENDING);
        if (account.isEmpty()) {
            return Outcome.EXPIRED;
        }
        StaffPrincipal principal = new StaffPrincipal(account.get().member(), null, true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        throttle.recordSuccess(p.email());
        audit.record("login.succeeded", "staff_account", p.accountId(), "with second factor");
        return Outcome.SIGNED_IN;
    }

    /** Where to go after signing in: the admin page the login interrupted, or the admin home. */
    public String target(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved != null) {
            requestCache.removeRequest(request, response);
            return saved.getRedirectUrl();
        }
        return request.getContextPath() + "/admin";
    }
}
