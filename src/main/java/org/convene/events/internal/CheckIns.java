package org.convene.events.internal;

import java.time.Instant;
import org.convene.accounts.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Door check-in with the ticket code. Marking attendance is one conditional UPDATE, so when two
 * phones scan the same ticket at once exactly one succeeds and the other is told it was used.
 * Only when nothing was marked is the code looked up again, to say why.
 */
@Service
public class CheckIns {

    /** What happened to a presented code. Everything but {@link #CHECKED_IN} is a refusal. */
    public enum Outcome {
        CHECKED_IN, MALFORMED, UNKNOWN, CANCELLED, WAITLISTED, ONLINE, ALREADY_USED, OTHER_EVENT;

        public boolean admitted() {
            return this == CHECKED_IN;
        }

        /** The message code of this outcome, for example {@code checkIn.outcome.ALREADY_USED}. */
        public String messageCode() {
            return "checkIn.outcome." + name();
        }
    }

    /**
     * The answer for one code. {@code registrationId}, {@code name}, {@code checkedInAt} and
     * {@code checkedInBy} are set when the code belongs to a registration of this event;
     * {@code otherEvent} only for {@link Outcome#OTHER_EVENT}.
     */
    public record Result(Outcome outcome, String code, Long registrationId, String name, Instant checkedInAt,
                         String checkedInBy, Event otherEvent) {

        static Result of(Outcome outcome, String code) {
            return new Result(outcome, code, null, null, null, null, null);
        }
    }

    /** The live numbers at the door: confirmed in person, waitlisted, checked in, confirmed online. */
    public record Counts(int registered, int waitlisted, int checkedIn, int online) {
    }

    private final JdbcClient jdbc;
    private final Events events;

    CheckIns(JdbcClient jdbc, Events events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Result checkIn(long eventId, String typed, StaffMember staff) {
        String code = TicketCodes.normalize(typed);
        if (code == null) {
            return Result.of(Outcome.MALFORMED, null);
        }
        var admitted = jdbc.sql("""
                        UPDATE registration SET checked_in_at = now(), checked_in_by = :staff, checked_in_by_name = :staffName
                        WHERE event_id = :event AND ticket_code = :code AND status = 'CONFIRMED' AND attendance = 'IN_PERSON'
                          AND checked_in_at IS NULL
                        RETURNING id, name, checked_in_at, checked_in_by_name""")
                .param("staff", staff.id()).param("staffName", staff.displayName()).param("event", eventId).param("code", code)
                .query((rs, n) -> new Result(Outcome.CHECKED_IN, TicketCodes.grouped(code), rs.getLong("id"), rs.getString("name"),
                        rs.getTimestamp("checked_in_at").toInstant(), rs.getString("checked_in_by_name"), null))
                .optional();
        return admitted.orElseGet(() -> whyNot(eventId, code));
    }

    private Result whyNot(long eventId, String code) {
        String grouped = TicketCodes.grouped(code);
        return jdbc.sql("""
                        SELECT id, event_id, name, status, attendance, checked_in_at, checked_in_by_name FROM registration
                        WHERE ticket_code = :code ORDER BY event_id = :event DESC, status <> 'CANCELLED' DESC, id DESC LIMIT 1""")
                .param("code", code).param("event", eventId)
                .query((rs, n) -> {
                    if (rs.getLong("event_id") != eventId) {
                        return new Result(Outcome.OTHER_EVENT, grouped, null, null, null, null,
                                events.find(rs.getLong("event_id")).orElse(null));
                    }
                    java.sql.Timestamp at = rs.getTimestamp("checked_in_at");
                    Outcome outcome = switch (rs.getString("status")) {
                        case "CANCELLED" -> Outcome.CANCELLED;
                        case "WAITLISTED" -> Outcome.WAITLISTED;
                        default -> at != null ? Outcome.ALREADY_USED : Outcome.ONLINE;
                    };
                    return new Result(outcome, grouped, rs.getLong("id"), rs.getString("name"), at == null ? null : at.toInstant(),
                            rs.getString("checked_in_by_name"), null);
                })
                .optional().orElseGet(() -> Result.of(Outcome.UNKNOWN, grouped));
    }

    public Counts counts(long eventId) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'IN_PERSON'),
                               count(*) FILTER (WHERE status = 'WAITLISTED'),
                               count(*) FILTER (WHERE status = 'CONFIRMED' AND checked_in_at IS NOT NULL),
                               count(*) FILTER (WHERE status = 'CONFIRMED' AND attendance = 'ONLINE')
                        FROM registration WHERE event_id = :id""")
                .param("id", eventId).query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single();
    }
}
