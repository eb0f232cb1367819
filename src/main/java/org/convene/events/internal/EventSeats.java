package org.convene.events.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seats of events: one {@code event_seat} row per in-person seat, and per online place when
 * the event limits online participation. Claiming takes any free row that no other transaction
 * holds ({@code FOR UPDATE SKIP LOCKED}), so thousands of concurrent registrations spread over
 * many rows instead of queueing behind one counter. Freed and added seats go to the waitlist of
 * the same attendance type in order, in the same transaction.
 */
@Component
public class EventSeats {

    private final JdbcClient jdbc;
    private final RegistrationMails mails;

    EventSeats(JdbcClient jdbc, RegistrationMails mails) {
        this.jdbc = jdbc;
        this.mails = mails;
    }

    /** Gives a free seat of that attendance type to the registration; false when every seat is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(long eventId, Attendance attendance, long registrationId) {
        return jdbc.sql("""
                        UPDATE event_seat SET registration_id = :registration
                        WHERE (event_id, attendance, seat_no) = (SELECT event_id, attendance, seat_no FROM event_seat
                                                     WHERE event_id = :event AND attendance = :attendance AND registration_id IS NULL
                                                     LIMIT 1 FOR UPDATE SKIP LOCKED)""")
                .param("registration", registrationId).param("event", eventId).param("attendance", attendance.name()).update() == 1;
    }

    /** Frees the registration's seat, if it has one, and gives it to the first on the waitlist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long eventId, long registrationId) {
        int freed = jdbc.sql("UPDATE event_seat SET registration_id = NULL WHERE registration_id = :id")
                .param("id", registrationId).update();
        if (freed > 0) {
            promoteWaitlisted(eventId);
        }
    }

    /**
     * Sets the number of in-person seats. More seats go to the waitlist in order; fewer seats
     * remove free ones. False, and nothing changed, when fewer seats are free than must be removed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean resize(long eventId, int capacity) {
        int current = jdbc.sql("SELECT capacity FROM event WHERE id = :id FOR UPDATE").param("id", eventId).query(Integer.class).single();
        if (!resizeRows(eventId, Attendance.IN_PERSON, current, capacity)) {
            return false;
        }
        jdbc.sql("UPDATE event SET capacity = :capacity WHERE id = :id").param("capacity", capacity).param("id", eventId).update();
        if (capacity > current) {
            promoteWaitlisted(eventId);
        }
        return true;
    }

    /**
     * Sets the number of online places; null takes the limit away (everyone waiting online is then
     * confirmed). False, and nothing changed, when fewer places are free than must be removed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean resizeOnline(long eventId, Integer capacity) {
        int stored = jdbc.sql("SELECT coalesce(online_capacity, -1) FROM event WHERE id = :id FOR UPDATE").param("id", eventId)
                .query(Integer.class).single();
        Integer current = stored < 0 ? null : stored;
        if (capacity == null) {
            jdbc.sql("DELETE FROM event_seat WHERE event_id = :id AND attendance = 'ONLINE'").param("id", eventId).update();
            jdbc.sql("UPDATE event SET online_capacity = NULL WHERE id = :id").param("id", eventId).update();
            jdbc.sql("""
                            UPDATE registration SET status = 'CONFIRMED', waitlist_order = NULL
                            WHERE event_id = :id AND attendance = 'ONLINE' AND status = 'WAITLISTED'""")
                    .param("id", eventId).update();
            return true;
        }
        if (current == null) {
            // from unlimited to limited: the places already taken count against the new limit
            int taken = jdbc.sql("SELECT count(*) FROM registration WHERE event_id = :id AND attendance = 'ONLINE' AND status = 'CONFIRMED'")
                    .param("id", eventId).query(Integer.class).single();
            if (taken > capacity) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO event_seat (event_id, attendance, seat_no, registration_id)
                            SELECT :id, 'ONLINE', row_number() OVER (ORDER BY id), id FROM registration
                            WHERE event_id = :id AND attendance = 'ONLINE' AND status = 'CONFIRMED'""")
                    .param("id", eventId).update();
            current = taken;
            resizeRows(eventId, Attendance.ONLINE, current, capacity);
        } else if (!resizeRows(eventId, Attendance.ONLINE, current, capacity)) {
            return false;
        }
        jdbc.sql("UPDATE event SET online_capacity = :capacity WHERE id = :id").param("capacity", capacity).param("id", eventId).update();
        promoteWaitlisted(eventId);
        return true;
    }

    private boolean resizeRows(long eventId, Attendance attendance, int current, int capacity) {
        if (capacity > current) {
            jdbc.sql("""
                            INSERT INTO event_seat (event_id, attendance, seat_no)
                            SELECT :id, :attendance, n FROM generate_series(
                                (SELECT coalesce(max(seat_no), 0) FROM event_seat WHERE event_id = :id AND attendance = :attendance) + 1,
                                (SELECT coalesce(max(seat_no), 0) FROM event_seat WHERE event_id = :id AND attendance = :attendance) + :more) n""")
                    .param("id", eventId).param("attendance", attendance.name()).param("more", capacity - current).update();
        } else if (capacity < current) {
            int removed = jdbc.sql("""
                            DELETE FROM event_seat WHERE event_id = :id AND attendance = :attendance AND seat_no IN (
                                SELECT seat_no FROM event_seat WHERE event_id = :id AND attendance = :attendance AND registration_id IS NULL
                                ORDER BY seat_no DESC LIMIT :fewer FOR UPDATE SKIP LOCKED)""")
                    .param("id", eventId).param("attendance", attendance.name()).param("fewer", current - capacity).update();
            return removed == current - capacity;
        }
        return true;
    }

    /** Whether a seat is free that no committed registration holds; cheap, for deciding to call {@link #promoteWaitlisted}. */
    public boolean anyFree(long eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event_seat WHERE event_id = :id AND registration_id IS NULL)")
                .param("id", eventId).query(Boolean.class).single();
    }

    /**
     * Pairs free seats with waitlisted registrations of the same attendance type, first in line
     * first, confirms them and tells each by e-mail. Rows that other transactions hold are left to them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> promoteWaitlisted(long eventId) {
        List<Long> promoted = new java.util.ArrayList<>();
        for (Attendance attendance : Attendance.values()) {
            List<Long> batch;
            do {
                batch = jdbc.sql("""
                                WITH waiting AS (
                                    SELECT id, row_number() OVER (ORDER BY waitlist_order) AS n
                                    FROM (SELECT id, waitlist_order FROM registration
                                          WHERE event_id = :event AND status = 'WAITLISTED' AND attendance = :attendance
                                          ORDER BY waitlist_order LIMIT 1000 FOR UPDATE SKIP LOCKED) w),
                                free AS (
                                    SELECT seat_no, row_number() OVER (ORDER BY seat_no) AS n
                                    FROM (SELECT seat_no FROM event_seat
                                          WHERE event_id = :event AND attendance = :attendance AND registration_id IS NULL
                                          ORDER BY seat_no LIMIT (SELECT count(*) FROM waiting) FOR UPDATE SKIP LOCKED) f),
                                seated AS (
                                    UPDATE event_seat s SET registration_id = waiting.id
                                    FROM free JOIN waiting USING (n)
                                    WHERE s.event_id = :event AND s.attendance = :attendance AND s.seat_no = free.seat_no
                                    RETURNING waiting.id)
                                UPDATE registration r SET status = 'CONFIRMED', waitlist_order = NULL
                                FROM seated WHERE r.id = seated.id
                                RETURNING r.id""")
                        .param("event", eventId).param("attendance", attendance.name()).query(Long.class).list();
                promoted.addAll(batch);
            } while (batch.size() == 1000);
        }
        promoted.forEach(mails::promoted);
        return promoted;
    }
}
