package org.convene.newsletter.internal;

/** PENDING until the confirmation link is opened; only SUBSCRIBED addresses receive editions. */
public enum SubscriberStatus {
    PENDING, SUBSCRIBED, PAUSED, UNSUBSCRIBED
}
