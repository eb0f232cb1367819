package org.convene.newsletter.subscribers;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox over IMAP (when {@code convene.newsletter.bounce-mailbox.host} is set):
 * every unread message is parsed as a bounce or complaint report, recorded, and marked as read, so
 * each is handled once (other mail is marked as read too and left in the folder).
 */
@Component
class BounceMailbox {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final Bounces bounces;
    private final SubscribersProperties properties;

    BounceMailbox(Bounces bounces, SubscribersProperties properties) {
        this.bounces = bounces;
        this.properties = properties;
    }

    /** Reads the configured mailbox; the number of bounces recorded. */
    int poll() {
        return properties.bounceMailbox().configured() ? poll(properties.bounceMailbox()) : 0;
    }

    int poll(SubscribersProperties.BounceMailbox mailbox) {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Properties settings = new Properties();
        settings.put("mail.store.protocol", protocol);
        settings.put("mail." + protocol + ".connectiontimeout", "10000");
        settings.put("mail." + protocol + ".timeout", "30000");
        int recorded = 0;
        try (Store store = Session.getInstance(settings).getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    try {
                        for (BounceReports.Bounce bounce : BounceReports.read((MimeMessage) message)) {
                            bounces.record(bounce.email(), bounce.kind(), bounce.detail());
                            recorded++;
                        }
                    } catch (Exception unreadable) {
                        log.warn("Bounce mailbox: a message could not be read ({})", unreadable.toString());
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Bounce mailbox {}:{} could not be read: {}", mailbox.host(), mailbox.port(), e.getMessage());
        }
        return recorded;
    }
}
