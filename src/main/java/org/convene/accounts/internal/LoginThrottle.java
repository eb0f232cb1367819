package org.convene.accounts.internal;

import org.convene.platform.security.ClientAllowance;
import org.convene.platform.security.SecretTokens;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Slows down password guessing in two ways. Per e-mail address: after
 * {@code convene.accounts.max-failed-logins} failures the address is locked for
 * {@code convene.accounts.lockout}; addresses without an account are counted the same way, so the
 * lockout never tells whether an account exists. Per client address: a Bucket4j token bucket allows
 * {@code convene.accounts.login-attempts-per-minute} login and reset requests a minute.
 * The buckets live in this node's memory (bounded); the lockouts live in PostgreSQL and so hold
 * across all nodes.
 */
@Service
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final AccountsProperties properties;
    private final ClientAllowance clients;

    LoginThrottle(JdbcClient jdbc, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clients = new ClientAllowance(properties.loginAttemptsPerMinute());
    }

    /** Takes one request from the client's allowance; false when it is used up. */
    public boolean tryClient(String clientAddress) {
        return clients.tryTake(clientAddress);
    }

    public boolean isLocked(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM login_failure WHERE email_hash = :hash AND locked_until > now())")
                .param("hash", key(email)).query(Boolean.class).single();
    }

    /** Counts a failure; returns true when this failure locked the address. */
    public boolean recordFailure(String email) {
        int failures = jdbc.sql("""
                        INSERT INTO login_failure (email_hash, failures) VALUES (:hash, 1)
                        ON CONFLICT (email_hash) DO UPDATE SET failures = login_failure.failures + 1, last_failure = now()
                        RETURNING failures""")
                .param("hash", key(email)).query(Integer.class).single();
        if (failures >= properties.maxFailedLogins()) {
            jdbc.sql("UPDATE login_failure SET failures = 0, locked_until = now() + CAST(:lock AS interval) WHERE email_hash = :hash")
                    .param("lock", properties.lockout().toSeconds() + " seconds").param("hash", key(email)).update();
            return true;
        }
        return false;
    }

    public void recordSuccess(String email) {
        jdbc.sql("DELETE FROM login_failure WHERE email_hash = :hash").param("hash", key(email)).update();
    }

    /** Forgets failures and lockouts that have run out. */
    public void forgetOld() {
        jdbc.sql("DELETE FROM login_failure WHERE coalesce(locked_until, last_failure) < now() - interval '1 day'").update();
    }

    private static String key(String email) {
        return SecretTokens.hash(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }
}
