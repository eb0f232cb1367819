package org.convene.newsletter.subscribers;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounces and complaints, from the webhook or the bounce mailbox: a hard bounce or a complaint
 * suppresses the address at once; soft bounces are counted, and the address is suppressed once it
 * has soft-bounced {@code convene.newsletter.soft-bounce-threshold} times within 30 days.
 */
@Service
public class Bounces {

    public enum Kind { HARD, SOFT, COMPLAINT }

    private final JdbcClient jdbc;
    private final Suppressions suppressions;
    private final SubscribersProperties properties;

    Bounces(JdbcClient jdbc, Suppressions suppressions, SubscribersProperties properties) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
        this.properties = properties;
    }

    /** Records one bounce; true when the address is suppressed now (by this bounce or before). */
    @Transactional
    public boolean record(String email, Kind kind, String detail) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case HARD -> suppressions.suppress(address, Suppressions.Reason.HARD_BOUNCE, detail);
            case COMPLAINT -> suppressions.suppress(address, Suppressions.Reason.COMPLAINT, detail);
            case SOFT -> {
                // one writer per address at a time, so two simultaneous bounces cannot both miss the threshold
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('newsletter-soft-bounce:' || :email))").param("email", address)
                        .query((rs, n) -> 1).list();
                jdbc.sql("INSERT INTO newsletter_soft_bounce (email, detail) VALUES (:email, :detail)")
                        .param("email", address).param("detail", Suppressions.truncate(detail)).update();
                int recent = jdbc.sql("SELECT count(*) FROM newsletter_soft_bounce WHERE email = :email AND bounced_at > now() - interval '30 days'")
                        .param("email", address).query(Integer.class).single();
                if (recent >= properties.softBounceThreshold()) {
                    suppressions.suppress(address, Suppressions.Reason.SOFT_BOUNCES, recent + " soft bounces in 30 days: " + detail);
                }
            }
        }
        return suppressions.isSuppressed(address);
    }
}
