package org.convene.accounts;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.convene.accounts.internal.AccountsProperties;
import org.convene.platform.security.SecretTokens;
import org.convene.accounts.internal.StaffAccounts;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to join the staff. Network admins invite anyone (a network admin, or an admin or
 * editor of any organization); organization admins invite admins and editors of their own
 * organization. The mail carries a random single-use link (only its hash is stored) that expires
 * after {@code convene.accounts.invitation-validity}; accepting it asks for a name and a password.
 */
@Service
public class Invitations {

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** An invitation that can still be accepted. */
    public record Invitation(long id, String email, StaffRole role, Long organizationId, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final MailOutbox outbox;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final AccountsProperties properties;
    private final PlatformProperties platform;
    private final MessageSource messages;

    Invitations(JdbcClient jdbc, StaffAccounts accounts, MailOutbox outbox, PasswordEncoder encoder, AuditLog audit,
                AccountsProperties properties, PlatformProperties platform, MessageSource messages) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
    }

    /** Whether the current staff member may invite staff of that organization (null: network admins). */
    public boolean mayInvite(StaffRole role, Long organizationId) {
        StaffMember me = CurrentStaff.get().orElse(null);
        if (me == null || role == null) {
            return false;
        }
        if (role == StaffRole.NETWORK_ADMIN) {
            return me.isNetworkAdmin() && organizationId == null;
        }
        return organizationId != null && me.canAdministerOrganization(organizationId);
    }

    /**
     * Invites {@code email} to the staff with that role, and queues the invitation mail.
     *
     * @throws AccessDeniedException  when the current staff member may not invite for that organization
     * @throws InvalidInputException  for a malformed address, an address that already has an account,
     *                                or a role without (or a network admin with) an organization
     * @return the invitation's id
     */
    @Transactional
    public long invite(String email, StaffRole role, Long organizationId) {
        if (role == null || (role == StaffRole.NETWORK_ADMIN) != (organizationId == null)) {
            throw new InvalidInputException("organizationId", "invitation.organizationMismatch",
                    "Network admins belong to no organization; organization admins and editors to exactly one.");
        }
        if (!mayInvite(role, organizationId)) {
            throw new AccessDeniedException("You may not invite staff for this organization.");
        }
        String address = email == null ? "" : email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new InvalidInputException("email", "Email", "Enter a valid e-mail address.");
        }
        if (accounts.emailTaken(address)) {
            throw new InvalidInputException("email", "invitation.emailTaken", "This address already has a staff account.");
        }
        jdbc.sql("DELETE FROM staff_invitation WHERE lower(email) = lower(:email) AND accepted_at IS NULL")
                .param("email", address).update();
        String token = SecretTokens.random();
        long id = jdbc.sql("""
                        INSERT INTO staff_invitation (token_hash, email, role, organization_id, invited_by, expires_at)
                        VALUES (:hash, :email, :role, :org, :by, now() + CAST(:valid AS interval)) RETURNING id""")
                .param("hash", SecretTokens.hash(token)).param("email", address).param("role", role.name())
                .param("org", organizationId).param("by", CurrentStaff.required().id())
                .param("valid", properties.invitationValidity().toSeconds() + " seconds")
                .query(Long.class).single();
        Locale locale = LocaleContextHolder.getLocale();
        String roleName = messages.getMessage("role." + role.name(), null, locale);
        outbox.queue(new OutgoingMail(address, messages.getMessage("invitation.mail.subject", null, locale),
                messages.getMessage("invitation.mail.text", new Object[] {CurrentStaff.required().displayName(), roleName,
                        platform.link("/invitation/" + token), properties.invitationValidity().toDays()}, locale)));
        audit.record("invitation.sent", "staff_invitation", id, role.name() + (organizationId == null ? "" : " of organization " + organizationId));
        return id;
    }

    /** The invitation behind a link, if the link is genuine, unused and not expired. */
    public Optional<Invitation> find(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, email, role, organization_id, expires_at FROM staff_invitation
                        WHERE token_hash = :hash AND accepted_at IS NULL AND expires_at > now()""")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new Invitation(rs.getLong("id"), rs.getString("email"), StaffRole.valueOf(rs.getString("role")),
                        (Long) rs.getObject("organization_id"), rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Spends the invitation and creates the account (password already checked against the policy).
     * Empty when the link no longer works or the address got an account in the meantime.
     */
    @Transactional
    public Optional<Long> accept(String token, String displayName, String password) {
        Optional<Invitation> invitation = find(token);
        if (invitation.isEmpty() || accounts.emailTaken(invitation.get().email())) {
            return Optional.empty();
        }
        Invitation i = invitation.get();
        long accountId = accounts.create(i.email(), displayName, encoder.encode(password), i.role(), i.organizationId());
        int spent = jdbc.sql("""
                        UPDATE staff_invitation SET accepted_at = now(), account_id = :account
                        WHERE id = :id AND accepted_at IS NULL AND expires_at > now()""")
                .param("account", accountId).param("id", i.id()).update();
        if (spent != 1) {
            throw new IllegalStateException("The invitation was accepted twice at once");
        }
        audit.record("invitation.accepted", "staff_account", accountId, "invitation " + i.id());
        return Optional.of(accountId);
    }
}
