package org.convene.publishing.signon;

import java.util.Locale;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.convene.platform.PlatformProperties;
import org.convene.publishing.internal.Publication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mails of sign-on, in the language the endorsement was made in, queued in the transaction that causes them. */
@Component
class SignOnMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final SignOnLinks links;
    private final StatementTitles titles;
    private final PlatformProperties platform;

    SignOnMails(MailOutbox outbox, MessageSource messages, SignOnLinks links, StatementTitles titles, PlatformProperties platform) {
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.titles = titles;
        this.platform = platform;
    }

    void confirmIndividual(Publication statement, Endorsement signature) {
        Locale locale = Locale.forLanguageTag(signature.language());
        String title = titles.of(statement, locale).text();
        String text = String.join("\n\n", text("signon.mail.greeting", locale, signature.name()),
                text("signon.mail.confirm.body", locale, title), links.link(signature.id()),
                text("signon.mail.confirm.ignore", locale), text("signon.mail.signature", locale));
        outbox.queue(new OutgoingMail(signature.email(), text("signon.mail.confirm.subject", locale, title), text + "\n"));
    }

    void organizationApproved(Publication statement, Endorsement endorsement) {
        Locale locale = Locale.forLanguageTag(endorsement.language());
        String title = titles.of(statement, locale).text();
        String text = String.join("\n\n", text("signon.mail.greeting", locale, endorsement.contactName()),
                text("signon.mail.approved.body", locale, endorsement.name(), title), platform.link("/statements/" + statement.slug()),
                text("signon.mail.signature", locale));
        outbox.queue(new OutgoingMail(endorsement.email(), text("signon.mail.approved.subject", locale, title), text + "\n"));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
