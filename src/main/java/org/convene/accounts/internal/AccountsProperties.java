package org.convene.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param admin                              the first network admin, for automated deployments (otherwise a setup link is printed)
 * @param maxFailedLogins                    failed logins for one e-mail address before it is locked
 * @param lockout                            how long such an address stays locked
 * @param loginAttemptsPerMinute             login and reset POSTs one client address may send per minute
 * @param passwordResetValidity              how long a password reset link works
 * @param invitationValidity                 how long an invitation link works
 * @param requireTwoFactorForNetworkAdmins   network admins without 2FA must enrol before any other admin page
 * @param sessionAbsoluteTimeout             a session ends this long after it began, however active
 * @param reauthenticationValidity           how long a re-authentication allows changing e-mail, password or 2FA
 * @param auditRetention                     audit entries older than this are deleted
 */
@ConfigurationProperties("convene.accounts")
public record AccountsProperties(
        @DefaultValue Admin admin,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("20") int loginAttemptsPerMinute,
        @DefaultValue("1h") Duration passwordResetValidity,
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("false") boolean requireTwoFactorForNetworkAdmins,
        @DefaultValue("12h") Duration sessionAbsoluteTimeout,
        @DefaultValue("5m") Duration reauthenticationValidity,
        @DefaultValue("90d") Duration auditRetention) {

    /**
     * @param email    e-mail of the first network admin ({@code CONVENE_ADMIN_EMAIL})
     * @param password its password ({@code CONVENE_ADMIN_PASSWORD})
     */
    public record Admin(String email, String password) {
    }
}
