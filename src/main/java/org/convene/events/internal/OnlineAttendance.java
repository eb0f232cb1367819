package org.convene.events.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who took part online: recorded when a registrant's join link leads them into the meeting. */
@Component
public class OnlineAttendance {

    private final JdbcClient jdbc;

    OnlineAttendance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a join: the first one creates the row, later ones count up (one row per registration). */
    public void joined(Registration registration) {
        jdbc.sql("""
                        INSERT INTO online_attendance (registration_id, event_id) VALUES (:registration, :event)
                        ON CONFLICT (registration_id) DO UPDATE
                        SET join_count = online_attendance.join_count + 1, last_joined_at = now()""")
                .param("registration", registration.id()).param("event", registration.eventId()).update();
    }

    /** How many registrants joined the event online at least once. */
    public int count(long eventId) {
        return jdbc.sql("SELECT count(*) FROM online_attendance WHERE event_id = :event").param("event", eventId)
                .query(Integer.class).single();
    }
}
