package org.convene.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An event's registrants as its organizers see them: searched, filtered and paged in the order
 * they registered, counted, and grouped by the member organization that referred them.
 */
@Service
public class Registrants {

    public static final int PAGE_SIZE = 50;

    /**
     * One registrant. {@code waitlistPosition} is 1 for the first in line (of the waitlist for their
     * way of attending), null unless waitlisted; {@code attendedAt} when they were checked in at the
     * door or first joined online, null until then.
     */
    public record Registrant(long id, String name, String email, Attendance attendance, RegistrationStatus status,
                             Integer waitlistPosition, Instant registeredAt, Long referralOrganizationId,
                             Instant referralConsentAt, Instant attendedAt) {
    }

    /** What the organizer looks for: text in the name or e-mail, a status, an attendance type (null: any). */
    public record Filter(String q, RegistrationStatus status, Attendance attendance) {
        public Filter {
            q = q == null ? "" : q.strip();
            if (q.length() > 200) {
                q = q.substring(0, 200);
            }
        }

        public static final Filter ALL = new Filter("", null, null);
    }

    public record Page(List<Registrant> items, int page, long total) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    public record Summary(int confirmedInPerson, int waitlisted, int online, int cancelled) {
    }

    /** Registrations (not cancelled) a member organization referred, and how many of those agreed to share their details. */
    public record ReferralCount(long organizationId, int registrations, int consented) {
    }

    /** Who gets a message from the organizers. */
    public enum Audience {
        ALL_ACTIVE("r.status <> 'CANCELLED'"),
        CONFIRMED_IN_PERSON("r.status = 'CONFIRMED' AND r.attendance = 'IN_PERSON'"),
        WAITLISTED("r.status = 'WAITLISTED'"),
        ONLINE("r.status = 'CONFIRMED' AND r.attendance = 'ONLINE'");

        private final String condition;

        Audience(String condition) {
            this.condition = condition;
        }
    }

    private static final String SELECT = """
            WITH line AS (SELECT id, row_number() OVER (PARTITION BY attendance ORDER BY waitlist_order) AS position
                          FROM registration WHERE event_id = :event AND status = 'WAITLISTED')
            SELECT r.id, r.name, r.email, r.attendance, r.status, line.position, r.created_at,
                   r.referral_organization_id, r.referral_consent_at,
                   CASE WHEN r.attendance = 'ONLINE' THEN online.first_joined_at ELSE r.checked_in_at END AS attended_at
            FROM registration r LEFT JOIN line ON line.id = r.id
                 LEFT JOIN online_attendance online ON online.registration_id = r.id
            """;
    private static final String MATCHES = """
            r.event_id = :event
              AND (CAST(:status AS text) IS NULL OR r.status = CAST(:status AS text))
              AND (CAST(:attendance AS text) IS NULL OR r.attendance = CAST(:attendance AS text))
              AND (:q = '' OR r.name ILIKE :pattern OR r.email ILIKE :pattern)
            """;

    private final JdbcClient jdbc;

    Registrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(long eventId, Filter filter, int page) {
        int number = Math.max(0, page);
        List<Registrant> items = bind(jdbc.sql(SELECT + "WHERE " + MATCHES + "ORDER BY r.id LIMIT :limit OFFSET :offset"), eventId, filter)
                .param("limit", PAGE_SIZE).param("offset", (long) number * PAGE_SIZE).query(Registrants::map).list();
        long total = bind(jdbc.sql("SELECT count(*) FROM registration r WHERE " + MATCHES), eventId, filter).query(Long.class).single();
        return new Page(items, number, total);
    }

    /** Every registrant the filter matches, for the CSV file. */
    public List<Registrant> all(long eventId, Filter filter) {
        return bind(jdbc.sql(SELECT + "WHERE " + MATCHES + "ORDER BY r.id"), eventId, filter).query(Registrants::map).list();
    }

    /** The registrants a message goes to, with the language they registered in. */
    public record Recipient(long id, String name, String email, String language) {
    }

    /** The next recipients in the audience with ids after {@code after} up to {@code upTo}, in id order. */
    public List<Recipient> recipients(long eventId, Audience audience, long after, long upTo, int limit) {
        return jdbc.sql("SELECT r.id, r.name, r.email, r.language FROM registration r WHERE r.event_id = :event AND r.id > :after"
                        + " AND r.id <= :upTo AND " + audience.condition + " ORDER BY r.id LIMIT :limit")
                .param("event", eventId).param("after", after).param("upTo", upTo).param("limit", limit)
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** How many registrants are in the audience now, and the newest registration id among them (0 when none). */
    public long[] audience(long eventId, Audience audience) {
        return jdbc.sql("SELECT count(*), coalesce(max(r.id), 0) FROM registration r WHERE r.event_id = :event AND " + audience.condition)
                .param("event", eventId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    public Summary summary(long eventId) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'IN_PERSON'),
                               count(*) FILTER (WHERE status = 'WAITLISTED'),
                               count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'ONLINE'),
                               count(*) FILTER (WHERE status = 'CANCELLED')
                        FROM registration WHERE event_id = :event""")
                .param("event", eventId).query((rs, n) -> new Summary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single();
    }

    /** Per referring organization, most registrations first. */
    public List<ReferralCount> referralCounts(long eventId) {
        return jdbc.sql("""
                        SELECT referral_organization_id, count(*), count(referral_consent_at) FROM registration
                        WHERE event_id = :event AND referral_organization_id IS NOT NULL AND status <> 'CANCELLED'
                        GROUP BY referral_organization_id ORDER BY count(*) DESC, referral_organization_id""")
                .param("event", eventId).query((rs, n) -> new ReferralCount(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list();
    }

    /** How many (not cancelled) registrations one organization referred to the event. */
    public int referredBy(long eventId, long organizationId) {
        return jdbc.sql("""
                        SELECT count(*) FROM registration WHERE referral_organization_id = :org AND event_id = :event
                          AND status <> 'CANCELLED'""")
                .param("org", organizationId).param("event", eventId).query(Integer.class).single();
    }

    /** The registrants an organization referred who agreed to share their name and e-mail with it, and only those. */
    public List<Registrant> consentedReferrals(long eventId, long organizationId) {
        return jdbc.sql(SELECT + """
                        WHERE r.referral_organization_id = :org AND r.event_id = :event AND r.referral_consent_at IS NOT NULL
                          AND r.status <> 'CANCELLED' ORDER BY r.id""")
                .param("org", organizationId).param("event", eventId).query(Registrants::map).list();
    }

    /** Per event, how many registrations the organization referred (not cancelled). */
    public java.util.Map<Long, Integer> referralsByEvent(long organizationId) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT event_id, count(*) FROM registration WHERE referral_organization_id = :org AND status <> 'CANCELLED'
                        GROUP BY event_id""")
                .param("org", organizationId).query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long eventId, Filter filter) {
        String pattern = "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return spec.param("event", eventId)
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("attendance", filter.attendance() == null ? null : filter.attendance().name())
                .param("q", filter.q()).param("pattern", pattern);
    }

    private static Registrant map(ResultSet rs, int row) throws SQLException {
        Object position = rs.getObject("position");
        Object referral = rs.getObject("referral_organization_id");
        Timestamp consent = rs.getTimestamp("referral_consent_at");
        Timestamp attended = rs.getTimestamp("attended_at");
        return new Registrant(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                Attendance.valueOf(rs.getString("attendance")), RegistrationStatus.valueOf(rs.getString("status")),
                position == null ? null : ((Number) position).intValue(), rs.getTimestamp("created_at").toInstant(),
                referral == null ? null : ((Number) referral).longValue(), consent == null ? null : consent.toInstant(),
                attended == null ? null : attended.toInstant());
    }
}
