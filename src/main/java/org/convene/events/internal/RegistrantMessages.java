package org.convene.events.internal;

import java.util.List;
import java.util.Locale;
import org.convene.accounts.AuditLog;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message from the organizers to an event's registrants: one e-mail per recipient, each with the
 * recipient's personal link, all queued in one transaction together with the audit entry. All or
 * nothing: a failure queues none, and a repeated click after a failure cannot send twice what was
 * never sent. 20,000 mails are about 20,000 outbox rows written in a few seconds (see
 * docs/architecture.md), short enough not to need a background job.
 */
@Service
public class RegistrantMessages {

    public static final int SUBJECT_MAX = 200;
    public static final int TEXT_MAX = 10_000;

    private final Registrants registrants;
    private final Events events;
    private final MailOutbox outbox;
    private final RegistrationLinks links;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Refusals refusals;

    RegistrantMessages(Registrants registrants, Events events, MailOutbox outbox, RegistrationLinks links, MessageSource messages,
                       AuditLog audit, Refusals refusals) {
        this.registrants = registrants;
        this.events = events;
        this.outbox = outbox;
        this.links = links;
        this.messages = messages;
        this.audit = audit;
        this.refusals = refusals;
    }

    /** Queues the message for every recipient in the audience; refuses a missing or too long subject or text. Returns how many were queued. */
    @Transactional
    public int send(long eventId, Registrants.Audience audience, String subject, String text) {
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
        Event event = events.find(eventId).orElseThrow();
        List<Registrants.Recipient> recipients = registrants.recipients(eventId, audience);
        for (Registrants.Recipient r : recipients) {
            Locale locale = Locale.forLanguageTag(r.language());
            String body = String.join("\n\n",
                    messages.getMessage("events.mail.greeting", new Object[] {r.name()}, locale),
                    cleanText,
                    messages.getMessage("registrants.mail.about", new Object[] {event.title().in(locale)}, locale),
                    links.link(r.id()));
            outbox.queue(new OutgoingMail(r.email(), cleanSubject, body + "\n"));
        }
        audit.record("events.registrants.messaged", "event", eventId,
                "audience=" + audience + ", recipients=" + recipients.size() + ", subject=" + cleanSubject);
        return recipients.size();
    }
}
