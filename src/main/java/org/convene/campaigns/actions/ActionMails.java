package org.convene.campaigns.actions;

import java.util.Locale;
import java.util.Map;
import org.convene.campaigns.internal.Campaign;
import org.convene.mail.MailOutbox;
import org.convene.mail.OutgoingMail;
import org.convene.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mails a proposer gets, in the language they proposed in, queued in the transaction that causes them. */
@Component
class ActionMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final ActionLinks links;
    private final PlatformProperties platform;

    ActionMails(MailOutbox outbox, MessageSource messages, ActionLinks links, PlatformProperties platform) {
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.platform = platform;
    }

    void confirmProposal(Campaign campaign, LocalAction action) {
        Locale locale = Locale.forLanguageTag(action.language());
        String campaignTitle = campaign.title().in(locale);
        send(action, text("campaigns.actions.mail.confirm.subject", locale, action.title()),
                text("campaigns.actions.mail.confirm.body", locale, action.title(), campaignTitle),
                links.confirmLink(action.id()),
                text("campaigns.actions.mail.confirm.ignore", locale));
    }

    void moderated(Campaign campaign, LocalAction action, boolean approved) {
        Locale locale = Locale.forLanguageTag(action.language());
        String campaignTitle = campaign.title().in(locale);
        if (approved) {
            send(action, text("campaigns.actions.mail.approved.subject", locale, action.title()),
                    text("campaigns.actions.mail.approved.body", locale, action.title(), campaignTitle),
                    platform.link("/campaigns/" + campaign.slug() + "/actions/" + action.id()));
        } else {
            send(action, text("campaigns.actions.mail.rejected.subject", locale, action.title()),
                    text("campaigns.actions.mail.rejected.body", locale, action.title(), campaignTitle));
        }
    }

    private void send(LocalAction action, String subject, String... parts) {
        Locale locale = Locale.forLanguageTag(action.language());
        String body = String.join("\n\n", parts) + "\n\n" + text("campaigns.actions.mail.signature", locale) + "\n";
        outbox.queue(new OutgoingMail(action.proposerEmail(), subject, body, Map.of(), java.util.List.of()));
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
