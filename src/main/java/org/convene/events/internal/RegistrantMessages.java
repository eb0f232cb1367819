package org.convene.events.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.convene.accounts.AuditLog;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message from the organizers to an event's registrants, one e-mail per recipient with the
 * recipient's personal link. Sending stores the message, audits it and schedules a durable job in
 * one transaction; the job queues the e-mails in batches of {@link #BATCH}, each batch one
 * transaction that also records how far it got. So the organizer's request returns at once even
 * for 20,000 registrants, a crash resumes after the last finished batch, and no one gets the
 * message twice.
 */
@Service
public class RegistrantMessages {

    public static final int SUBJECT_MAX = 200;
    public static final int TEXT_MAX = 10_000;
    static final int BATCH = 500;
    static final TaskDescriptor<Void> JOB = TaskDescriptor.of("registrant-message");

    /** A message as the organizers' list shows it. */
    public record Message(long id, Registrants.Audience audience, String subject, int recipients, int queued, Instant createdAt,
                          Instant finishedAt) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    private final Registrants registrants;
    private final Events events;
    private final MailOutbox outbox;
    private final RegistrationLinks links;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Refusals refusals;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<SchedulerClient> scheduler;

    RegistrantMessages(Registrants registrants, Events events, MailOutbox outbox, RegistrationLinks links, MessageSource messages,
                       AuditLog audit, Refusals refusals, JdbcClient jdbc, TransactionTemplate transaction,
                       ObjectProvider<SchedulerClient> scheduler) {
        this.registrants = registrants;
        this.events = events;
        this.outbox = outbox;
        this.links = links;
        this.messages = messages;
        this.audit = audit;
        this.refusals = refusals;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.scheduler = scheduler;
    }

    /**
     * Stores the message for everyone now in the audience and schedules its sending; refuses a
     * missing or too long subject or text (then nothing is stored). Returns the message.
     */
    @Transactional
    public Message send(long eventId, Registrants.Audience audience, String subject, String text) {
        String cleanSubject = subject == null ? "" : subject.strip().replaceAll("\\s+", " ");
        String cleanText = text == null ? "" : text.strip();
        Refusals.Collector problems = refusals.collect();
        if (cleanSubject.isEmpty()) {
            problems.add("subject", "NotBlank");
        } else if (cleanSubject.length() > SUBJECT_MAX) {
            problems.add("subject", "registrants.message.subject.tooLong");
        }
        if (cleanText.isEmpty()) {
            problems.add("text", "NotBlank");
        } else if (cleanText.length() > TEXT_MAX) {
            problems.add("text", "registrants.message.text.tooLong");
        }
        if (audience == null) {
            problems.add("audience", "NotNull");
        }
        problems.throwIfAny();
        long[] now = registrants.audience(eventId, audience);
        long id = jdbc.sql("""
                        INSERT INTO registrant_message (event_id, audience, subject, body, recipients, up_to_registration, created_by)
                        VALUES (:event, :audience, :subject, :body, :recipients, :upTo, :by) RETURNING id""")
                .param("event", eventId).param("audience", audience.name()).param("subject", cleanSubject).param("body", cleanText)
                .param("recipients", (int) now[0]).param("upTo", now[1])
                .param("by", CurrentStaff.get().map(StaffMember::id).orElse(null))
                .query(Long.class).single();
        audit.record("events.registrants.messaged", "event", eventId,
                "message=" + id + ", audience=" + audience + ", recipients=" + now[0] + ", subject=" + cleanSubject);
        // joins this transaction (see the platform's jobs): a message that is not stored is never sent
        scheduler.getObject().schedule(JOB.instance(String.valueOf(id)).scheduledTo(Instant.now()));
        return find(id);
    }

    /** Queues the e-mails of a message batch by batch until all are queued; the job's work. */
    public void queueAll(long messageId) {
        while (queueBatch(messageId)) {
            // next batch
        }
    }

    /** Queues the next batch in one transaction; false when the message is done (or unknown). */
    boolean queueBatch(long messageId) {
        Boolean more = transaction.execute(status -> {
            var row = jdbc.sql("""
                            SELECT event_id, audience, subject, body, up_to_registration, sent_up_to FROM registrant_message
                            WHERE id = :id AND finished_at IS NULL FOR UPDATE""")
                    .param("id", messageId)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)})
                    .optional();
            if (row.isEmpty()) {
                return false;
            }
            Object[] m = row.get();
            long eventId = (Long) m[0];
            Event event = events.find(eventId).orElseThrow();
            List<Registrants.Recipient> batch = registrants.recipients(eventId, Registrants.Audience.valueOf((String) m[1]),
                    (Long) m[5], (Long) m[4], BATCH);
            for (Registrants.Recipient r : batch) {
                Locale locale = Locale.forLanguageTag(r.language());
                String body = String.join("\n\n",
                        messages.getMessage("events.mail.greeting", new Object[] {r.name()}, locale),
                        (String) m[3],
                        messages.getMessage("registrants.mail.about", new Object[] {event.title().in(locale)}, locale),
                        links.link(r.id()));
                outbox.queue(new OutgoingMail(r.email(), (String) m[2], body + "\n"));
            }
            boolean done = batch.size() < BATCH;
            jdbc.sql("""
                            UPDATE registrant_message SET queued = queued + :n, sent_up_to = :last,
                                finished_at = CASE WHEN :done THEN now() END WHERE id = :id""")
                    .param("n", batch.size()).param("last", batch.isEmpty() ? (Long) m[5] : batch.getLast().id())
                    .param("done", done).param("id", messageId).update();
            return !done;
        });
        return Boolean.TRUE.equals(more);
    }

    public Message find(long id) {
        return jdbc.sql("SELECT id, audience, subject, recipients, queued, created_at, finished_at FROM registrant_message WHERE id = :id")
                .param("id", id).query(RegistrantMessages::map).single();
    }

    /** The event's latest messages, newest first. */
    public List<Message> latest(long eventId, int limit) {
        return jdbc.sql("""
                        SELECT id, audience, subject, recipients, queued, created_at, finished_at FROM registrant_message
                        WHERE event_id = :event ORDER BY id DESC LIMIT :limit""")
                .param("event", eventId).param("limit", limit).query(RegistrantMessages::map).list();
    }

    private static Message map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Message(rs.getLong("id"), Registrants.Audience.valueOf(rs.getString("audience")), rs.getString("subject"),
                rs.getInt("recipients"), rs.getInt("queued"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
