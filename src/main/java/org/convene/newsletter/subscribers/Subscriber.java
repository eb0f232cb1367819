package org.convene.newsletter.subscribers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.convene.newsletter.internal.SubscriberStatus;

/** A subscriber as stored, with the consent they gave. */
public record Subscriber(long id, String email, String name, String language, Long regionId, Long organizationId, List<String> topics,
                         SubscriberStatus status, Instant consentAt, String consentSource, String consentText, Instant confirmedAt,
                         Instant createdAt) {

    static final String COLUMNS = "s.id, s.email, s.name, s.language, s.region_id, s.organization_id, s.topics, s.status, s.consent_at, "
            + "s.consent_source, s.consent_text, s.confirmed_at, s.created_at";

    static Subscriber map(ResultSet rs, int row) throws SQLException {
        return new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
                (Long) rs.getObject(6), Arrays.asList((String[]) rs.getArray(7).getArray()), SubscriberStatus.valueOf(rs.getString(8)),
                instant(rs, 9), rs.getString(10), rs.getString(11), instant(rs, 12), instant(rs, 13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    public boolean paused() {
        return status == SubscriberStatus.PAUSED;
    }
}
