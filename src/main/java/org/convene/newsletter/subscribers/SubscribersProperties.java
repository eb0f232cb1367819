package org.convene.newsletter.subscribers;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics                    the topics subscribers choose from (keys; labels are {@code newsletter.topic.<key>} messages)
 * @param disposableDomains         e-mail domains refused as throwaway addresses (and their subdomains)
 * @param subscriptionsPerMinute    anonymous subscriptions (form and API) accepted per client address and minute on each node
 * @param bounceWebhookSecret       the shared secret of the bounce webhook; blank turns the webhook off
 * @param softBounceThreshold       soft bounces within 30 days after which an address is suppressed
 * @param bounceMailbox             the IMAP mailbox bounces arrive in; blank host turns polling off
 */
@ConfigurationProperties("convene.newsletter")
public record SubscribersProperties(
        @DefaultValue({"campaigns", "statements", "events", "partner-media"}) List<String> topics,
        @DefaultValue({"mailinator.com", "10minutemail.com", "guerrillamail.com", "yopmail.com", "trashmail.com"}) List<String> disposableDomains,
        @DefaultValue("10") int subscriptionsPerMinute,
        @DefaultValue("") String bounceWebhookSecret,
        @DefaultValue("3") int softBounceThreshold,
        @DefaultValue BounceMailbox bounceMailbox) {

    /**
     * @param host     IMAP server; blank: no mailbox is read
     * @param port     993 with {@code ssl}, else 143
     * @param ssl      IMAPS (TLS from the start)
     * @param user     login
     * @param password password
     * @param folder   the folder read; messages are marked as read once handled
     * @param interval how often the mailbox is read
     */
    public record BounceMailbox(@DefaultValue("") String host, @DefaultValue("993") int port, @DefaultValue("true") boolean ssl,
                                @DefaultValue("") String user, @DefaultValue("") String password, @DefaultValue("INBOX") String folder,
                                @DefaultValue("PT5M") Duration interval) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
