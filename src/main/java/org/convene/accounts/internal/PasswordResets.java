package org.convene.accounts.internal;

import org.convene.platform.security.SecretTokens;
import java.util.Locale;
import java.util.Optional;
import org.convene.accounts.AuditLog;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.convene.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail. Asking for a link answers the same whether or not an account has the
 * address; the link carries a random single-use token of which only the hash is stored, and
 * stops working after {@code convene.accounts.password-reset-validity}.
 */
@Service
public class PasswordResets {

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final MailOutbox outbox;
    private final PasswordEncoder encoder;
    private final StaffSessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final AccountsProperties properties;
    private final PlatformProperties platform;
    private final MessageSource messages;

    PasswordResets(JdbcClient jdbc, StaffAccounts accounts, MailOutbox outbox, PasswordEncoder encoder, StaffSessions sessions,
                   LoginThrottle throttle, AuditLog audit, AccountsProperties properties, PlatformProperties platform,
                   MessageSource messages) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
        this.encoder = encoder;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
    }

    /** Queues a reset mail when an active account has this address; does nothing visible otherwise. */
    @Transactional
    public void request(String email, Locale locale) {
        var account = accounts.byEmail(email).filter(StaffAccounts.Account::active);
        if (account.isEmpty()) {
            return;
        }
        long id = account.get().member().id();
        String token = SecretTokens.random();
        jdbc.sql("INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES (:hash, :id, now() + CAST(:valid AS interval))")
                .param("hash", SecretTokens.hash(token)).param("id", id)
                .param("valid", properties.passwordResetValidity().toSeconds() + " seconds").update();
        String link = platform.link("/password-reset/" + token);
        long minutes = properties.passwordResetValidity().toMinutes();
        outbox.queue(new OutgoingMail(account.get().member().email(),
                messages.getMessage("reset.mail.subject", null, locale),
                messages.getMessage("reset.mail.text", new Object[] {account.get().member().displayName(), link, minutes}, locale)));
        audit.record("password.reset-requested", "staff_account", id, null);
    }

    /** The account a reset token belongs to, if the token is genuine, unused and not expired. */
    public Optional<StaffAccounts.Account> accountFor(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT account_id FROM password_reset WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()")
                .param("hash", SecretTokens.hash(token)).query(Long.class).optional()
                .flatMap(accounts::byId).filter(StaffAccounts.Account::active);
    }

    /**
     * Spends the token and sets the new password (already checked against the policy); every
     * session of the account ends and its login lockout is lifted. False when the token no longer works.
     */
    @Transactional
    public boolean reset(String token, String newPassword) {
        if (!SecretTokens.plausible(token)) {
            return false;
        }
        Optional<Long> accountId = jdbc.sql("""
                        UPDATE password_reset SET used_at = now()
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now() RETURNING account_id""")
                .param("hash", SecretTokens.hash(token)).query(Long.class).optional();
        var account = accountId.flatMap(accounts::byId).filter(StaffAccounts.Account::active);
        if (account.isEmpty()) {
            return false;
        }
        long id = account.get().member().id();
        accounts.changePassword(id, encoder.encode(newPassword));
        jdbc.sql("UPDATE password_reset SET used_at = now() WHERE account_id = :id AND used_at IS NULL").param("id", id).update();
        throttle.recordSuccess(account.get().member().email());
        sessions.endSessions(account.get().member().email(), null);
        audit.record("password.reset", "staff_account", id, null);
        return true;
    }
}
