package org.convene.accounts.internal;

import org.convene.accounts.StaffRole;
import org.convene.platform.PlatformProperties;
import org.convene.platform.security.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The first network admin. Either it comes from configuration (automated deployments), or a
 * one-time setup link is printed on the console, as Jenkins or Gitea do.
 */
@Service
public class FirstAdminSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

    private final StaffAccounts accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AccountsProperties properties;
    private final PlatformProperties platform;

    FirstAdminSetup(StaffAccounts accounts, JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy,
                    AccountsProperties properties, PlatformProperties platform) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.properties = properties;
        this.platform = platform;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        if (accounts.networkAdminExists()) {
            return;
        }
        AccountsProperties.Admin admin = properties.admin();
        if (StringUtils.hasText(admin.email()) && StringUtils.hasText(admin.password())) {
            var problem = policy.problem(admin.password(), admin.email());
            if (problem.isEmpty()) {
                accounts.create(admin.email(), "Network admin", encoder.encode(admin.password()), StaffRole.NETWORK_ADMIN, null);
                log.info("Created the first network admin {} from configuration", admin.email());
                return;
            }
            log.error("convene.accounts.admin.password is refused ({}); printing a setup link instead", problem.get());
        }
        String link = platform.link("/setup/" + newSetupToken());
        log.warn("""

                ******************************************************************
                  Convene has no network admin yet. Create the first one here
                  (the link works once):

                  {}
                ******************************************************************
                """, link);
    }

    /** A fresh one-time token; older ones stop working. */
    @Transactional
    public String newSetupToken() {
        String token = SecretTokens.random();
        jdbc.sql("DELETE FROM setup_token").update();
        jdbc.sql("INSERT INTO setup_token (token_hash) VALUES (:hash)").param("hash", SecretTokens.hash(token)).update();
        return token;
    }

    public boolean isValid(String token) {
        return !accounts.networkAdminExists()
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM setup_token WHERE token_hash = :hash)")
                .param("hash", SecretTokens.hash(token)).query(Boolean.class).single();
    }

    /** Spends the token and creates the admin, or does nothing when the token was already spent. */
    @Transactional
    public boolean createFirstAdmin(String token, String email, String name, String password) {
        int spent = jdbc.sql("DELETE FROM setup_token WHERE token_hash = :hash").param("hash", SecretTokens.hash(token)).update();
        if (spent == 0 || accounts.networkAdminExists()) {
            return false;
        }
        accounts.create(email, name, encoder.encode(password), StaffRole.NETWORK_ADMIN, null);
        return true;
    }

}
