package org.convene.newsletter.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.convene.platform.PlatformProperties;
import org.convene.platform.security.SignedLinks;
import org.springframework.stereotype.Component;

/**
 * A subscriber's signed links: confirm the subscription (expires), manage preferences and
 * unsubscribe with one click (both keep working in old mails). {@code List-Unsubscribe} carries
 * the unsubscribe URL; a POST to it with {@code List-Unsubscribe=One-Click} unsubscribes (RFC 8058).
 */
@Component
public class NewsletterLinks {

    static final String CONFIRM = "newsletter-confirm";
    static final String PREFERENCES = "newsletter-preferences";
    static final String UNSUBSCRIBE = "newsletter-unsubscribe";
    public static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);

    private final SignedLinks links;
    private final PlatformProperties platform;

    NewsletterLinks(SignedLinks links, PlatformProperties platform) {
        this.links = links;
        this.platform = platform;
    }

    public String confirmUrl(long subscriberId, Instant now) {
        return platform.link("/newsletter/confirm/" + links.token(CONFIRM, subscriberId, now.plus(CONFIRMATION_VALIDITY)));
    }

    public String preferencesUrl(long subscriberId) {
        return platform.link("/newsletter/preferences/" + links.token(PREFERENCES, subscriberId));
    }

    public String unsubscribeUrl(long subscriberId) {
        return platform.link("/newsletter/unsubscribe/" + links.token(UNSUBSCRIBE, subscriberId));
    }

    public OptionalLong verifyConfirm(String token, Instant now) {
        return links.verify(CONFIRM, token, now);
    }

    public OptionalLong verifyPreferences(String token, Instant now) {
        return links.verify(PREFERENCES, token, now);
    }

    public OptionalLong verifyUnsubscribe(String token, Instant now) {
        return links.verify(UNSUBSCRIBE, token, now);
    }
}
