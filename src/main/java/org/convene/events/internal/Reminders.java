package org.convene.events.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds confirmed registrants (in person and online) of published events before the start, once
 * per configured reminder ({@code convene.events.reminders}). Each reminder has its moment (the
 * start minus its duration) and is due from then until the moment of the next shorter one: a
 * reminder missed while no node ran jobs is dropped in favour of the next rather than sent twice
 * in a row, and one whose moment had passed when the person registered is not sent at all.
 * <p>
 * Exactly once: the {@code registration_reminder} row (primary key registration and reminder) is
 * inserted and the mail queued in the same transaction; a concurrent run on another node waits
 * for that row and then inserts nothing, and a rerun finds it.
 */
@Service
public class Reminders {

    static final int BATCH = 200;
    /** The longest reminder asks in-person registrants to confirm or cancel when it comes at least this long before. */
    static final Duration CONFIRMATION_REMINDER = Duration.ofHours(12);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OnlineProperties properties;
    private final Registrations registrations;
    private final Events events;
    private final RegistrationLinks links;
    private final MailOutbox outbox;
    private final MessageSource messages;

    Reminders(JdbcClient jdbc, TransactionTemplate transaction, OnlineProperties properties, Registrations registrations,
              Events events, RegistrationLinks links, MailOutbox outbox, MessageSource messages) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.registrations = registrations;
        this.events = events;
        this.links = links;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Sends every reminder that is due; returns how many were queued by this run. */
    public int sendDue() {
        List<Duration> reminders = properties.reminders();
        int sent = 0;
        for (int i = 0; i < reminders.size(); i++) {
            Duration reminder = reminders.get(i);
            Duration nextShorter = i + 1 < reminders.size() ? reminders.get(i + 1) : Duration.ZERO;
            boolean asksToConfirm = i == 0 && reminder.compareTo(CONFIRMATION_REMINDER) >= 0;
            int batch;
            do {
                Integer queued = transaction.execute(tx -> {
                    List<Long> claimed = claim(reminder, nextShorter);
                    claimed.forEach(id -> remind(id, reminder, asksToConfirm));
                    return claimed.size();
                });
                batch = queued == null ? 0 : queued;
                sent += batch;
            } while (batch == BATCH);
        }
        return sent;
    }

    /** Inserts the reminder rows of up to one batch of due registrations; returns the ids it inserted. */
    private List<Long> claim(Duration reminder, Duration nextShorter) {
        return jdbc.sql("""
                        INSERT INTO registration_reminder (registration_id, reminder)
                        SELECT r.id, :reminder FROM registration r JOIN event e ON e.id = r.event_id
                        WHERE e.status = 'PUBLISHED' AND r.status = 'CONFIRMED'
                          AND e.starts_at - make_interval(secs => :before) <= now()
                          AND now() < e.starts_at - make_interval(secs => :nextBefore)
                          AND r.created_at <= e.starts_at - make_interval(secs => :before)
                          AND NOT EXISTS (SELECT 1 FROM registration_reminder x WHERE x.registration_id = r.id AND x.reminder = :reminder)
                        ORDER BY r.id LIMIT :batch
                        ON CONFLICT (registration_id, reminder) DO NOTHING
                        RETURNING registration_id""")
                .param("reminder", reminder.toString()).param("before", (double) reminder.toSeconds())
                .param("nextBefore", (double) nextShorter.toSeconds()).param("batch", BATCH)
                .query(Long.class).list();
    }

    private void remind(long registrationId, Duration reminder, boolean asksToConfirm) {
        Registration registration = registrations.find(registrationId).orElseThrow();
        Event event = events.find(registration.eventId()).orElseThrow();
        Locale locale = Locale.forLanguageTag(registration.language());
        String title = event.title().in(locale);
        List<String> parts = new ArrayList<>(List.of(
                text("events.mail.greeting", locale, registration.name()),
                text("events.online.reminder.intro", locale, title),
                text("events.mail.when", locale, EventTimes.format(event.startsAt(), event.zone(), locale))));
        if (registration.attendance() == Attendance.ONLINE) {
            parts.add(text("events.online.reminder.join", locale, properties.joinOpensBefore().toMinutes()));
            parts.add(links.joinLink(registrationId));
        } else if (asksToConfirm) {
            parts.add(text("events.online.reminder.confirmOrCancel", locale));
            parts.add(text("events.online.reminder.confirm", locale) + "\n" + links.link(registrationId) + "/confirm");
            parts.add(text("events.online.reminder.cancel", locale) + "\n" + links.link(registrationId) + "/cancel");
        }
        parts.add(text("events.mail.personalLink", locale));
        parts.add(links.link(registrationId));
        parts.add(text("events.mail.signature", locale));
        outbox.queue(new OutgoingMail(registration.email(), text("events.online.reminder.subject", locale, title),
                String.join("\n\n", parts) + "\n"));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
