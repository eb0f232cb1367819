package org.convene.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.List;
import org.convene.accounts.AuditLog;
import org.convene.accounts.StaffMember;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's own security settings. Changing the e-mail address, the password or two-factor
 * authentication needs a fresh re-authentication (the password, and the code when 2FA is on),
 * valid for {@code convene.accounts.reauthentication-validity} in this session only.
 */
@Service
public class AccountSecurity {

    static final String REAUTHENTICATED_AT = "convene.reauthenticatedAt";

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final TwoFactor twoFactor;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final AccountsProperties properties;
    private final SecurityContextRepository contexts;

    AccountSecurity(StaffAccounts accounts, PasswordEncoder encoder, TwoFactor twoFactor, StaffSessions sessions, AuditLog audit,
                    AccountsProperties properties, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
        this.contexts = contexts;
    }

    /** Checks the password (and the code, when 2FA is on) and opens the re-authentication window. */
    public boolean reauthenticate(HttpSession session, long accountId, String password, String code) {
        var account = accounts.byId(accountId).filter(StaffAccounts.Account::active);
        boolean ok = account.isPresent() && password != null && encoder.matches(password, account.get().passwordHash())
                && (!twoFactor.isEnabled(accountId) || twoFactor.verify(accountId, code));
        if (ok) {
            session.setAttribute(REAUTHENTICATED_AT, Instant.now());
        } else {
            audit.record("reauthentication.failed", "staff_account", accountId, null);
        }
        return ok;
    }

    public boolean isReauthenticated(HttpSession session) {
        return session != null && session.getAttribute(REAUTHENTICATED_AT) instanceof Instant at
                && at.plus(properties.reauthenticationValidity()).isAfter(Instant.now());
    }

    public boolean passwordMatches(long accountId, String password) {
        return password != null && accounts.byId(accountId).map(a -> encoder.matches(password, a.passwordHash())).orElse(false);
    }

    /** Sets a new password (already checked against the policy); optionally ends the account's other sessions. */
    @Transactional
    public void changePassword(StaffMember me, String newPassword, boolean endOtherSessions, String currentSessionId) {
        accounts.changePassword(me.id(), encoder.encode(newPassword));
        audit.record("password.changed", "staff_account", me.id(), null);
        if (endOtherSessions) {
            endOtherSessions(me, currentSessionId);
        }
    }

    @Transactional
    public void changeEmail(StaffMember me, String newEmail, HttpServletRequest request, HttpServletResponse response) {
        accounts.changeEmail(me.id(), newEmail);
        audit.record("email.changed", "staff_account", me.id(), null);
        StaffMember changed = accounts.byId(me.id()).orElseThrow().member();
        StaffPrincipal principal = new StaffPrincipal(changed, null, true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        sessions.endSessions(me.email(), request.getSession().getId());
    }

    public int endOtherSessions(StaffMember me, String currentSessionId) {
        int ended = sessions.endSessions(me.email(), currentSessionId);
        audit.record("sessions.ended", "staff_account", me.id(), ended + " other sessions");
        return ended;
    }

    @Transactional
    public List<String> enableTwoFactor(StaffMember me, String secret, String code) {
        List<String> codes = twoFactor.enable(me.id(), secret, code);
        if (!codes.isEmpty()) {
            audit.record("two-factor.enabled", "staff_account", me.id(), null);
        }
        return codes;
    }

    @Transactional
    public void disableTwoFactor(StaffMember me) {
        twoFactor.disable(me.id());
        audit.record("two-factor.disabled", "staff_account", me.id(), null);
    }

    @Transactional
    public List<String> newRecoveryCodes(StaffMember me) {
        audit.record("two-factor.recovery-codes-renewed", "staff_account", me.id(), null);
        return twoFactor.newRecoveryCodes(me.id());
    }
}
