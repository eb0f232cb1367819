package org.convene.accounts.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reading the audit log, and keeping it short: entries older than
 * {@code convene.accounts.audit-retention} are deleted every hour.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditEntries {

    public static final int PAGE_SIZE = 50;

    public record Entry(long id, OffsetDateTime at, String actorEmail, String action, String recordType, String recordId,
                        String detail, String clientHash) {
    }

    /** One page of entries, newest first, and whether an older page exists. */
    public record Page(List<Entry> entries, int number, boolean hasOlder) {
    }

    private final JdbcClient jdbc;
    private final AccountsProperties properties;
    private final LoginThrottle throttle;

    AuditEntries(JdbcClient jdbc, AccountsProperties properties, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.throttle = throttle;
    }

    public Page page(String action, int number) {
        int page = Math.max(0, number);
        List<Entry> rows = jdbc.sql("""
                        SELECT id, at, actor_email, action, record_type, record_id, detail, client_hash FROM audit_entry
                        WHERE CAST(:action AS TEXT) IS NULL OR action = :action
                        ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("action", action == null || action.isBlank() ? null : action)
                .param("limit", PAGE_SIZE + 1).param("offset", (long) page * PAGE_SIZE)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor_email"),
                        rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"), rs.getString("detail"),
                        rs.getString("client_hash")))
                .list();
        return new Page(rows.stream().limit(PAGE_SIZE).toList(), page, rows.size() > PAGE_SIZE);
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    /**
     * Deletes entries past the retention period; returns how many went. Also forgets stale login
     * failures, spent or expired reset links, and invitations that ran out unaccepted.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public int deleteExpired() {
        throttle.forgetOld();
        jdbc.sql("DELETE FROM password_reset WHERE expires_at < now() - interval '1 day'").update();
        jdbc.sql("DELETE FROM staff_invitation WHERE accepted_at IS NULL AND expires_at < now() - CAST(:keep AS interval)")
                .param("keep", properties.auditRetention().toSeconds() + " seconds").update();
        return jdbc.sql("DELETE FROM audit_entry WHERE at < now() - CAST(:keep AS interval)")
                .param("keep", properties.auditRetention().toSeconds() + " seconds").update();
    }
}
