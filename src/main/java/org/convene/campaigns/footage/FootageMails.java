package org.convene.campaigns.footage;

import java.util.Locale;
import org.convene.campaigns.internal.Campaign;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The confirmation a submitter gets, queued in the transaction that stores the footage. */
@Component
class FootageMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final FootageLinks links;

    FootageMails(MailOutbox outbox, MessageSource messages, FootageLinks links) {
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
    }

    void received(Campaign campaign, long footageId, String email, String kind, String fileName, Locale locale) {
        String title = campaign.title().in(locale);
        String what = text("footage.kind." + kind, locale);
        String body = String.join("\n\n",
                text("footage.mail.greeting", locale),
                text("footage.mail.received", locale, what, fileName, title),
                text("footage.mail.moderation", locale),
                text("footage.mail.link", locale),
                links.link(footageId),
                text("footage.mail.signature", locale));
        outbox.queue(new OutgoingMail(email, text("footage.mail.subject", locale, title), body + "\n"));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
