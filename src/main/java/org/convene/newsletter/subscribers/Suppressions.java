package org.convene.newsletter.subscribers;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.platform.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: addresses never mailed again, by address (so a re-import cannot bring them
 * back). Unsubscribes, bounces and complaints add to it; staff add addresses by hand and may remove
 * only those (the others record what the person or their mail server said).
 */
@Service
public class Suppressions {

    public enum Reason { UNSUBSCRIBED, HARD_BOUNCE, SOFT_BOUNCES, COMPLAINT, MANUAL }

    public record Entry(String email, Reason reason, String detail, Instant createdAt) {
    }

    public record Page(List<Entry> entries, int total, int page, int pages) {
    }

    private final JdbcClient jdbc;
    private final EmailAddresses addresses;
    private final MessageSource messages;

    Suppressions(JdbcClient jdbc, EmailAddresses addresses, MessageSource messages) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.messages = messages;
    }

    public Page search(String query, Reason reason, int page) {
        Map<String, Object> params = new HashMap<>();
        String where = "TRUE";
        if (query != null && !query.isBlank()) {
            where += " AND email LIKE :q";
            params.put("q", "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (reason != null) {
            where += " AND reason = :reason";
            params.put("reason", reason.name());
        }
        int total = jdbc.sql("SELECT count(*) FROM suppression WHERE " + where).params(params).query(Integer.class).single();
        int pages = Math.max(1, (total + 49) / 50);
        int current = Math.min(Math.max(1, page), pages);
        params.put("offset", (current - 1) * 50);
        List<Entry> entries = jdbc.sql("SELECT email, reason, detail, created_at FROM suppression WHERE " + where
                        + " ORDER BY created_at DESC, email LIMIT 50 OFFSET :offset").params(params)
                .query((rs, n) -> new Entry(rs.getString(1), Reason.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        return new Page(entries, total, current, pages);
    }

    public boolean isSuppressed(String email) {
        return jdbc.sql("SELECT count(*) FROM suppression WHERE email = lower(:email)").param("email", email).query(Integer.class).single() > 0;
    }

    /** Adds an address (keeps the first reason if it is already there); true when it was new. */
    @Transactional
    public boolean suppress(String email, Reason reason, String detail) {
        return jdbc.sql("INSERT INTO suppression (email, reason, detail) VALUES (lower(:email), :reason, :detail) ON CONFLICT (email) DO NOTHING")
                .param("email", email.strip()).param("reason", reason.name()).param("detail", truncate(detail)).update() == 1;
    }

    /** Staff adding an address by hand (any syntactically valid address; throwaway domains too). */
    @Transactional
    public boolean addManually(String email, String detail, Locale locale) {
        String address = email == null ? "" : email.strip();
        if (addresses.check(address) == EmailAddresses.Verdict.INVALID) {
            throw new InvalidInputException("email", "newsletter.subscribers.error.email",
                    messages.getMessage("newsletter.subscribers.error.email", null, locale));
        }
        return suppress(address, Reason.MANUAL, detail == null || detail.isBlank() ? null : detail.strip());
    }

    /** Removes an address staff added by hand; false (and nothing changes) for any other reason. */
    @Transactional
    public boolean removeManual(String email) {
        return jdbc.sql("DELETE FROM suppression WHERE email = lower(:email) AND reason = 'MANUAL'").param("email", email).update() == 1;
    }

    static String truncate(String detail) {
        if (detail == null) {
            return null;
        }
        String clean = detail.replaceAll("[\\p{Cntrl}&&[^\n]]", " ").strip();
        return clean.length() > 500 ? clean.substring(0, 500) : clean;
    }
}
