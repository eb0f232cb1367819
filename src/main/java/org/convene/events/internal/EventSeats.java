package org.convene.events.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-person seats of events: one {@code event_seat} row per seat. Claiming takes any free row
 * that no other transaction holds ({@code FOR UPDATE SKIP LOCKED}), so thousands of concurrent
 * registrations spread over many rows instead of queueing behind one counter. Freed and added
 * seats go to the waitlist in order, in the same transaction.
 */
@Component
public class EventSeats {

    private final JdbcClient jdbc;
    private final RegistrationMails mails;

    EventSeats(JdbcClient jdbc, RegistrationMails mails) {
        this.jdbc = jdbc;
        this.mails = mails;
    }

    /** Gives a free seat to the registration; false when every seat is taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(long eventId, long registrationId) {
        return jdbc.sql("""
                        UPDATE event_seat SET registration_id = :registration
                        WHERE (event_id, seat_no) = (SELECT event_id, seat_no FROM event_seat
                                                     WHERE event_id = :event AND registration_id IS NULL
                                                     LIMIT 1 FOR UPDATE SKIP LOCKED)""")
                .param("registration", registrationId).param("event", eventId).update() == 1;
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
     * Sets the number of seats. More seats go to the waitlist in order; fewer seats remove free
     * ones. False, and nothing changed, when fewer seats are free than must be removed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean resize(long eventId, int capacity) {
        int current = jdbc.sql("SELECT capacity FROM event WHERE id = :id FOR UPDATE").param("id", eventId).query(Integer.class).single();
        if (capacity > current) {
            jdbc.sql("""
                            INSERT INTO event_seat (event_id, seat_no)
                            SELECT :id, n FROM generate_series((SELECT coalesce(max(seat_no), 0) FROM event_seat WHERE event_id = :id) + 1,
                                                               (SELECT coalesce(max(seat_no), 0) FROM event_seat WHERE event_id = :id) + :more) n""")
                    .param("id", eventId).param("more", capacity - current).update();
        } else if (capacity < current) {
            int removed = jdbc.sql("""
                            DELETE FROM event_seat WHERE event_id = :id AND seat_no IN (
                                SELECT seat_no FROM event_seat WHERE event_id = :id AND registration_id IS NULL
                                ORDER BY seat_no DESC LIMIT :fewer FOR UPDATE SKIP LOCKED)""")
                    .param("id", eventId).param("fewer", current - capacity).update();
            if (removed < current - capacity) {
                return false;
            }
        }
        jdbc.sql("UPDATE event SET capacity = :capacity WHERE id = :id").param("capacity", capacity).param("id", eventId).update();
        if (capacity > current) {
            promoteWaitlisted(eventId);
        }
        return true;
    }

    /** Whether a seat is free that no committed registration holds; cheap, for deciding to call {@link #promoteWaitlisted}. */
    public boolean anyFree(long eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event_seat WHERE event_id = :id AND registration_id IS NULL)")
                .param("id", eventId).query(Boolean.class).single();
    }

    /**
     * Pairs free seats with waitlisted registrations, first in line first, confirms them and tells
     * each by e-mail. Rows that other transactions hold are left to them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> promoteWaitlisted(long eventId) {
        List<Long> promoted = new java.util.ArrayList<>();
        List<Long> batch;
        do {
            batch = jdbc.sql("""
                            WITH waiting AS (
                                SELECT id, row_number() OVER (ORDER BY waitlist_order) AS n
                                FROM (SELECT id, waitlist_order FROM registration WHERE event_id = :event AND status = 'WAITLISTED'
                                      ORDER BY waitlist_order LIMIT 1000 FOR UPDATE SKIP LOCKED) w),
                            free AS (
                                SELECT seat_no, row_number() OVER (ORDER BY seat_no) AS n
                                FROM (SELECT seat_no FROM event_seat WHERE event_id = :event AND registration_id IS NULL
                                      ORDER BY seat_no LIMIT (SELECT count(*) FROM waiting) FOR UPDATE SKIP LOCKED) f),
                            seated AS (
                                UPDATE event_seat s SET registration_id = waiting.id
                                FROM free JOIN waiting USING (n)
                                WHERE s.event_id = :event AND s.seat_no = free.seat_no
                                RETURNING waiting.id)
                            UPDATE registration r SET status = 'CONFIRMED', waitlist_order = NULL
                            FROM seated WHERE r.id = seated.id
                            RETURNING r.id""")
                    .param("event", eventId).query(Long.class).list();
            promoted.addAll(batch);
        } while (batch.size() == 1000);
        promoted.forEach(mails::promoted);
        return promoted;
    }
}
