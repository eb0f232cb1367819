package org.convene.newsletter.subscribers;

import java.time.Instant;
import java.util.Locale;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.convene.newsletter.internal.NewsletterLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The subscription mails, in the subscriber's language, queued in the transaction that causes them. */
@Component
class SubscriberMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final NewsletterLinks links;

    SubscriberMails(MailOutbox outbox, MessageSource messages, NewsletterLinks links) {
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
    }

    void confirmation(Subscriber subscriber) {
        Locale locale = Locale.forLanguageTag(subscriber.language());
        String text = String.join("\n\n", greeting(subscriber, locale), text("newsletter.subscribers.mail.confirm.body", locale),
                links.confirmUrl(subscriber.id(), Instant.now()), text("newsletter.subscribers.mail.confirm.ignore", locale),
                text("newsletter.subscribers.mail.signature", locale));
        outbox.queue(new OutgoingMail(subscriber.email(), text("newsletter.subscribers.mail.confirm.subject", locale), text + "\n"));
    }

    void alreadySubscribed(Subscriber subscriber) {
        Locale locale = Locale.forLanguageTag(subscriber.language());
        String text = String.join("\n\n", greeting(subscriber, locale), text("newsletter.subscribers.mail.already.body", locale),
                links.preferencesUrl(subscriber.id()), text("newsletter.subscribers.mail.already.ignore", locale),
                text("newsletter.subscribers.mail.signature", locale));
        outbox.queue(new OutgoingMail(subscriber.email(), text("newsletter.subscribers.mail.already.subject", locale), text + "\n"));
    }

    private String greeting(Subscriber subscriber, Locale locale) {
        return subscriber.name().isBlank() ? text("newsletter.subscribers.mail.hello", locale)
                : text("newsletter.subscribers.mail.greeting", locale, subscriber.name());
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
