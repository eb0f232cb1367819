package org.convene.events.internal;

import java.util.List;
import java.util.Locale;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The e-mails registrants get, in the language they registered in, queued in the transaction that causes them. */
@Component
public class RegistrationMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final RegistrationLinks links;
    private final JdbcClient jdbc;
    private final Tickets tickets;

    RegistrationMails(MailOutbox outbox, MessageSource messages, RegistrationLinks links, JdbcClient jdbc, Tickets tickets) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.jdbc = jdbc;
    }

    /** The confirmation of a new registration: confirmed or on the waitlist, with the personal link. */
    public void registered(Event event, Registration registration) {
        Locale locale = Locale.forLanguageTag(registration.language());
        String title = event.title().in(locale);
        boolean waitlisted = registration.status() == RegistrationStatus.WAITLISTED;
        String subject = text(waitlisted ? "events.mail.waitlisted.subject" : "events.mail.confirmed.subject", locale, title);
        String status = waitlisted
                ? registration.waitlistPosition() == null
                    ? text("events.mail.waitlisted.far", locale, title, Registrations.POSITION_COUNTED)
                    : text("events.mail.waitlisted.status", locale, title, registration.waitlistPosition())
                : text(registration.attendance() == Attendance.IN_PERSON ? "events.mail.confirmed.inPerson" : "events.mail.confirmed.online", locale, title);
        send(event, registration, locale, subject, status, true);
    }

    /** A seat became free and is now theirs. */
    public void promoted(long registrationId) {
        Registration registration = jdbc.sql("SELECT " + Registrations.COLUMNS + " FROM registration r WHERE id = :id")
                .param("id", registrationId).query(Registrations::map).single();
        Event event = jdbc.sql("SELECT " + Events.COLUMNS + " FROM event WHERE id = :id")
                .param("id", registration.eventId()).query(Events::map).single();
        Locale locale = Locale.forLanguageTag(registration.language());
        String title = event.title().in(locale);
        send(event, registration, locale, text("events.mail.promoted.subject", locale, title), text("events.mail.promoted.status", locale, title),
                true);
    }

    /**
     * Tells everyone still registered (confirmed or waiting) that the event is cancelled, with the
     * organizer's message, in the transaction that cancels it.
     */
    public int eventCancelled(Event event) {
        List<Registration> active = jdbc.sql("SELECT " + Registrations.COLUMNS + " FROM registration r WHERE event_id = :id AND status <> 'CANCELLED' ORDER BY id")
                .param("id", event.id()).query(Registrations::map).list();
        for (Registration registration : active) {
            Locale locale = Locale.forLanguageTag(registration.language());
            String title = event.title().in(locale);
            String status = text("events.mail.cancelled.status", locale, title)
                    + (event.cancellationMessage() == null ? "" : "\n\n" + event.cancellationMessage());
            send(event, registration, locale, text("events.mail.cancelled.subject", locale, title), status, false);
        }
        return active.size();
    }

    /** With {@code taking place} false (a cancellation), the mail carries no join link and no ticket. */
    private void send(Event event, Registration registration, Locale locale, String subject, String status, boolean takingPlace) {
        java.util.List<String> parts = new java.util.ArrayList<>(java.util.List.of(
                text("events.mail.greeting", locale, registration.name()),
                status,
                text("events.mail.when", locale, EventTimes.format(event.startsAt(), event.zone(), locale))));
        if (takingPlace && registration.attendance() == Attendance.ONLINE && registration.status() == RegistrationStatus.CONFIRMED) {
            parts.add(text("events.online.mail.joinLink", locale));
            parts.add(links.joinLink(registration.id()));
        }
        parts.addAll(java.util.List.of(text("events.mail.personalLink", locale), links.link(registration.id())));
        List<OutgoingMail.Attachment> files = List.of();
        String code = takingPlace ? tickets.code(registration).orElse(null) : null;
        if (code != null) {
            parts.add(text("checkIn.mail.ticket", locale) + "\n" + links.link(registration.id()) + "/ticket");
            files = List.of(new OutgoingMail.Attachment("ticket-" + code + ".png", "image/png", Tickets.qrPng(code, 320)));
        }
        parts.add(text("events.mail.signature", locale));
        String body = String.join("\n\n", parts);
        outbox.queue(new OutgoingMail(registration.email(), subject, body + "\n", java.util.Map.of(), files));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
