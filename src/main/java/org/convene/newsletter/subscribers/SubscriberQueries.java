package org.convene.newsletter.subscribers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.newsletter.internal.Segment;
import org.convene.newsletter.internal.SubscriberStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The staff's views of the subscriber list: search with filters, counts, and how many a segment reaches. */
@Component
public class SubscriberQueries {

    /** Filters of the list; null or blank does not narrow. {@code suppressed} is the address's suppression reason, if any. */
    public record Filter(String query, SubscriberStatus status, String language, Long regionId, String topic, Long organizationId) {
    }

    public record Row(Subscriber subscriber, String suppressed) {
    }

    public record Page(List<Row> rows, int total, int page, int pages) {
    }

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    SubscriberQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(Filter filter, int page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        int total = jdbc.sql("SELECT count(*) FROM subscriber s WHERE " + where).params(params).query(Integer.class).single();
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (current - 1) * PAGE_SIZE);
        List<Row> rows = jdbc.sql("SELECT " + Subscriber.COLUMNS + ", x.reason FROM subscriber s "
                        + "LEFT JOIN suppression x ON x.email = lower(s.email) WHERE " + where
                        + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> new Row(Subscriber.map(rs, n), rs.getString(14))).list();
        return new Page(rows, total, current, pages);
    }

    /** Subscribers per status, and how many addresses are suppressed. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SubscriberStatus status : SubscriberStatus.values()) {
            counts.put(status.name(), 0);
        }
        jdbc.sql("SELECT status, count(*) FROM subscriber GROUP BY status").query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        counts.put("SUPPRESSED", jdbc.sql("SELECT count(*) FROM suppression").query(Integer.class).single());
        return counts;
    }

    /** How many subscribers an edition to this segment would go to. */
    public int recipients(Segment segment) {
        return jdbc.sql("SELECT count(*) FROM subscriber s WHERE " + segment.where()).params(segment.params()).query(Integer.class).single();
    }

    static String where(Filter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (filter.query() != null && !filter.query().isBlank()) {
            conditions.add("(s.email ILIKE :q OR s.name ILIKE :q)");
            params.put("q", "%" + filter.query().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.status() != null) {
            conditions.add("s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            conditions.add("s.language = :language");
            params.put("language", filter.language());
        }
        if (filter.regionId() != null) {
            conditions.add("s.region_id = :region");
            params.put("region", filter.regionId());
        }
        if (filter.topic() != null && !filter.topic().isBlank()) {
            conditions.add(":topic = ANY (s.topics)");
            params.put("topic", filter.topic());
        }
        if (filter.organizationId() != null) {
            conditions.add("s.organization_id = :organization");
            params.put("organization", filter.organizationId());
        }
        return String.join(" AND ", conditions);
    }

    /** A PostgreSQL text[] literal of the values. */
    static String textArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
