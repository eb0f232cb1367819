package org.convene.events.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-person registrants confirming, from the day-before reminder, that they will come. */
@Service
public class AttendanceConfirmations {

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final Events events;
    private final Refusals refusals;

    AttendanceConfirmations(JdbcClient jdbc, Registrations registrations, Events events, Refusals refusals) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.events = events;
        this.refusals = refusals;
    }

    /** Why this registration cannot confirm its attendance, as a message code, or null when it can. */
    public String refusal(Registration registration, Event event) {
        if (event.isCancelled()) {
            return "registration.refused.cancelled";
        }
        if (registration.status() == RegistrationStatus.CANCELLED || event.isOver(Instant.now())) {
            return "registration.refused.change";
        }
        if (registration.attendance() != Attendance.IN_PERSON || registration.status() != RegistrationStatus.CONFIRMED) {
            return "events.online.confirm.notSeated";
        }
        return null;
    }

    /** Records the confirmation (the first one counts; confirming again changes nothing). */
    @Transactional
    public Instant confirm(long registrationId) {
        jdbc.sql("SELECT id FROM registration WHERE id = :id FOR UPDATE").param("id", registrationId).query(Long.class).single();
        Registration registration = registrations.find(registrationId).orElseThrow();
        String refusal = refusal(registration, events.find(registration.eventId()).orElseThrow());
        if (refusal != null) {
            throw new RegistrationRefusedException(refusal, refusals.text(refusal));
        }
        return jdbc.sql("""
                        UPDATE registration SET attendance_confirmed_at = coalesce(attendance_confirmed_at, now())
                        WHERE id = :id RETURNING attendance_confirmed_at""")
                .param("id", registrationId).query(Timestamp.class).single().toInstant();
    }

    public Optional<Instant> confirmedAt(long registrationId) {
        return jdbc.sql("SELECT attendance_confirmed_at FROM registration WHERE id = :id").param("id", registrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).optional().flatMap(o -> o);
    }
}
