package org.convene.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration without an account. One transaction per registration writes the registration,
 * claims a seat (or a place on the waitlist) and queues the confirmation e-mail; a second attempt
 * with the same e-mail address gets the first registration back and writes nothing.
 */
@Service
public class Registrations {

    static final String COLUMNS = """
            id, event_id, name, email, attendance, status, language, created_at,
            CASE WHEN status = 'WAITLISTED' THEN (SELECT count(*) FROM registration w WHERE w.event_id = r.event_id
                AND w.status = 'WAITLISTED' AND w.attendance = r.attendance AND w.waitlist_order <= r.waitlist_order) END AS waitlist_position,
            answers::text AS answers, ticket_code""";
    /** How many people ahead on the waitlist are counted when registering (see {@link #positionIfNear}). */
    public static final int POSITION_COUNTED = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** The registration, and whether this attempt created it (false: it existed already). */
    public record Outcome(Registration registration, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Events events;
    private final EventSeats seats;
    private final RegistrationMails mails;
    private final Refusals refusals;
    private final TransactionTemplate transaction;
    private final java.util.Map<Long, Recent> published = new java.util.concurrent.ConcurrentHashMap<>();

    private record Recent(Event event, long readAt) {
    }

    private static final long RECENT_NANOS = 1_000_000_000L;

    Registrations(JdbcClient jdbc, Events events, EventSeats seats, RegistrationMails mails, Refusals refusals,
                  TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.events = events;
        this.seats = seats;
        this.mails = mails;
        this.refusals = refusals;
        this.transaction = transaction;
    }

    /** Refuses with {@link RegistrationRefusedException} or {@link org.convene.platform.web.InvalidInputException}; then registers. */
    public Outcome register(long eventId, String name, String email, Attendance attendance, Locale locale) {
        return register(eventId, name, email, attendance, java.util.Map.of(), locale);
    }

    /** As above, with the answers to the event's custom questions by question key. */
    public Outcome register(long eventId, String name, String email, Attendance attendance, java.util.Map<String, String> answers,
                            Locale locale) {
        return register(eventId, name, email, attendance, answers, locale, Referral.NONE);
    }

    /** As above, remembering the member organization whose referral link brought the registrant (see {@link Referral}). */
    public Outcome register(long eventId, String name, String email, Attendance attendance, java.util.Map<String, String> answers,
                            Locale locale, Referral referral) {
        Event event = recentlyPublished(eventId);
        if (event == null) {
            event = events.find(eventId).filter(e -> e.status() != EventStatus.DRAFT)
                    .orElseThrow(() -> new NotFoundException("No such event"));
        }
        requireOpen(event);
        String cleanName = name == null ? "" : name.strip();
        String cleanEmail = email == null ? "" : email.strip();
        Refusals.Collector problems = refusals.collect();
        if (cleanName.isEmpty()) {
            problems.add("name", "NotBlank");
        } else if (cleanName.length() > 200) {
            problems.add("name", "registration.name.tooLong");
        }
        if (cleanEmail.isEmpty()) {
            problems.add("email", "NotBlank");
        } else if (cleanEmail.length() > 254 || !EMAIL.matcher(cleanEmail).matches()) {
            problems.add("email", "Email");
        }
        if (attendance == null) {
            problems.add("attendance", "NotNull");
        } else if (!event.format().allows(attendance)) {
            problems.add("attendance", "registration.attendance.notOffered");
        }
        String answersJson = Answers.check(event, answers, problems);
        problems.throwIfAny();
        String language = Languages.isSupported(locale.getLanguage()) ? locale.getLanguage() : Languages.DEFAULT;

        Event checked = event;
        Registration created = transaction.execute(status -> {
            Registration registration = insert(checked, cleanName, cleanEmail, attendance, language, answersJson,
                    referral == null ? Referral.NONE : referral);
            if (registration != null) {
                mails.registered(checked, registration);
            }
            return registration;
        });
        if (created == null) {
            Optional<Registration> existing = findActive(eventId, cleanEmail);
            if (existing.isPresent()) {
                return new Outcome(existing.get(), false);
            }
            // not written because the event changed a moment ago: say why, from its current state
            published.remove(eventId);
            requireOpen(events.find(eventId).orElseThrow(() -> new NotFoundException("No such event")));
            throw refused("registration.refused.closed");
        }
        if (created.status() == RegistrationStatus.WAITLISTED && seats.anyFree(eventId)) {
            // a seat held by a transaction that rolled back was free after all: fill it from the waitlist
            transaction.executeWithoutResult(status -> seats.promoteWaitlisted(eventId));
            created = find(created.id()).orElseThrow();
        }
        return new Outcome(created, true);
    }

    /**
     * The event if it was read as published less than a second ago on this node. A registration
     * is checked against this copy first; the insert itself checks the event's current state in
     * the database, so a cancellation or closing is never missed, only explained a second later.
     */
    public Event recentlyPublished(long eventId) {
        Recent recent = published.get(eventId);
        long now = System.nanoTime();
        if (recent != null && now - recent.readAt() < RECENT_NANOS) {
            return recent.event();
        }
        Event event = events.find(eventId).orElse(null);
        if (event == null || !event.isPublished()) {
            published.remove(eventId);
            return null;
        }
        if (published.size() > 10_000) {
            published.clear();
        }
        published.put(eventId, new Recent(event, now));
        return event;
    }

    /**
     * Inserts the registration unless one exists for the e-mail, and claims a seat for it in the
     * same statement: the free seat is locked first, so the registration is written confirmed or
     * waitlisted at once, with no second statement. Without a free seat (in person, or online when
     * online places are limited) it goes on the waitlist. Null when the e-mail was registered
     * already (nothing written; a seat locked for it stays free).
     */
    private Registration insert(Event event, String name, String email, Attendance attendance, String language, String answers,
                                Referral referral) {
        boolean limited = attendance == Attendance.IN_PERSON || event.onlineCapacity() != null;
        var row = jdbc.sql("""
                        WITH free AS (
                            SELECT event_id, attendance, seat_no FROM event_seat
                            WHERE :limited AND event_id = :event AND attendance = :attendance AND registration_id IS NULL
                            LIMIT 1 FOR UPDATE SKIP LOCKED),
                        added AS (
                            INSERT INTO registration (event_id, name, email, attendance, status, waitlist_order, language, answers,
                                                      referral_organization_id, referral_consent_at)
                            SELECT e.id, :name, :email, :attendance,
                                   CASE WHEN :limited AND NOT EXISTS (SELECT 1 FROM free) THEN 'WAITLISTED' ELSE 'CONFIRMED' END,
                                   CASE WHEN :limited AND NOT EXISTS (SELECT 1 FROM free) THEN nextval('registration_waitlist_order') END,
                                   :language, CAST(:answers AS jsonb),
                                   CAST(:referral AS bigint), CASE WHEN :consent THEN now() END
                            FROM event e
                            WHERE e.id = :event AND e.status = 'PUBLISHED' AND now() < e.ends_at AND e.registration_required
                              AND (e.registration_opens_at IS NULL OR now() >= e.registration_opens_at)
                              AND (e.registration_closes_at IS NULL OR now() < e.registration_closes_at)
                            ON CONFLICT (event_id, lower(email)) WHERE status <> 'CANCELLED' DO NOTHING
                            RETURNING id, status, waitlist_order, created_at, ticket_code),
                        seat AS (
                            UPDATE event_seat s SET registration_id = added.id FROM added, free
                            WHERE s.event_id = free.event_id AND s.attendance = free.attendance AND s.seat_no = free.seat_no
                            RETURNING s.seat_no)
                        SELECT added.id, added.status, added.waitlist_order, added.created_at, added.ticket_code,
                               (SELECT count(*) FROM seat) AS seated
                        FROM (SELECT 1) one LEFT JOIN added ON true""")
                .param("event", event.id()).param("name", name).param("email", email)
                .param("attendance", attendance.name())
                .param("limited", limited).param("language", language).param("answers", answers)
                .param("referral", referral.organizationId()).param("consent", referral.consented())
                .query((rs, n) -> new Object[] {rs.getObject("id"), rs.getString("status"), rs.getObject("waitlist_order"),
                        rs.getTimestamp("created_at"), rs.getString("ticket_code")}).single();
        Long id = (Long) row[0];
        if (id == null) {
            return null;
        }
        RegistrationStatus status = RegistrationStatus.valueOf((String) row[1]);
        Integer position = status == RegistrationStatus.WAITLISTED ? positionIfNear(event.id(), attendance, (Long) row[2]) : null;
        return new Registration(id, event.id(), name, email, attendance, status, position, language,
                ((java.sql.Timestamp) row[3]).toInstant(), Answers.fromJson(answers), (String) row[4]);
    }

    /**
     * The place in line of a new waitlisted registration, counted exactly but only up to
     * {@link #POSITION_COUNTED}: counting thousands of people ahead for every registration of a
     * flash crowd would cost more than the registration. Null when more people are ahead; the
     * personal page always counts exactly.
     */
    private Integer positionIfNear(long eventId, Attendance attendance, long waitlistOrder) {
        int ahead = jdbc.sql("""
                        SELECT count(*) FROM (SELECT 1 FROM registration WHERE event_id = :event AND status = 'WAITLISTED'
                                              AND attendance = :attendance AND waitlist_order < :order LIMIT :cap) a""")
                .param("event", eventId).param("attendance", attendance.name()).param("order", waitlistOrder).param("cap", POSITION_COUNTED).query(Integer.class).single();
        return ahead < POSITION_COUNTED ? ahead + 1 : null;
    }

    public Optional<Registration> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration r WHERE id = :id").param("id", id).query(Registrations::map).optional();
    }

    private Optional<Registration> findActive(long eventId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration r WHERE event_id = :event AND lower(email) = lower(:email) AND status <> 'CANCELLED'")
                .param("event", eventId).param("email", email).query(Registrations::map).optional();
    }

    /** Cancels the registration; a seat it held goes to the first on the waitlist in the same transaction. */
    public Registration cancel(long registrationId) {
        return transaction.execute(status -> {
            Registration registration = lock(registrationId);
            if (registration.status() == RegistrationStatus.CANCELLED) {
                return registration;
            }
            Event event = events.find(registration.eventId()).orElseThrow();
            if (event.isOver(Instant.now())) {
                throw refused("registration.refused.past");
            }
            jdbc.sql("UPDATE registration SET status = 'CANCELLED', waitlist_order = NULL, cancelled_at = now() WHERE id = :id")
                    .param("id", registrationId).update();
            seats.release(registration.eventId(), registrationId);
            return find(registrationId).orElseThrow();
        });
    }

    /** Switches between attending in person and online (hybrid events): frees or claims a seat as needed. */
    public Registration changeAttendance(long registrationId, Attendance attendance) {
        return transaction.execute(status -> {
            Registration registration = lock(registrationId);
            Event event = events.find(registration.eventId()).orElseThrow();
            if (registration.status() == RegistrationStatus.CANCELLED || event.isCancelled() || event.isOver(Instant.now())) {
                throw refused(event.isCancelled() ? "registration.refused.cancelled" : "registration.refused.change");
            }
            if (attendance == registration.attendance()) {
                return registration;
            }
            if (!event.format().allows(attendance)) {
                refusals.collect().add("attendance", "registration.attendance.notOffered").throwIfAny();
            }
            seats.release(event.id(), registrationId);
            if (attendance == Attendance.ONLINE && event.onlineCapacity() == null) {
                jdbc.sql("UPDATE registration SET attendance = 'ONLINE', status = 'CONFIRMED', waitlist_order = NULL WHERE id = :id")
                        .param("id", registrationId).update();
            } else {
                boolean seated = seats.claim(event.id(), attendance, registrationId);
                jdbc.sql("""
                                UPDATE registration SET attendance = :attendance, status = :status,
                                    waitlist_order = CASE WHEN :seated THEN NULL ELSE nextval('registration_waitlist_order') END
                                WHERE id = :id""")
                        .param("attendance", attendance.name()).param("status", seated ? "CONFIRMED" : "WAITLISTED").param("seated", seated)
                        .param("id", registrationId).update();
            }
            return find(registrationId).orElseThrow();
        });
    }

    private Registration lock(long id) {
        jdbc.sql("SELECT id FROM registration WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("No such registration"));
        return find(id).orElseThrow();
    }

    void requireOpen(Event event) {
        String reason = event.registrationClosedReason(Instant.now());
        if (reason != null) {
            String text = reason.equals("registration.refused.notOpenYet")
                    ? refusals.text(reason, EventTimes.format(event.registrationOpensAt(), event.zone(), LocaleContextHolder.getLocale()))
                    : refusals.text(reason);
            throw new RegistrationRefusedException(reason, text);
        }
    }

    private RegistrationRefusedException refused(String code) {
        return new RegistrationRefusedException(code, refusals.text(code));
    }

    static Registration map(ResultSet rs, int row) throws SQLException {
        Object position = rs.getObject("waitlist_position");
        return new Registration(rs.getLong("id"), rs.getLong("event_id"), rs.getString("name"), rs.getString("email"),
                Attendance.valueOf(rs.getString("attendance")), RegistrationStatus.valueOf(rs.getString("status")),
                position == null ? null : ((Number) position).intValue(), rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(), Answers.fromJson(rs.getString("answers")), rs.getString("ticket_code"));
    }
}
