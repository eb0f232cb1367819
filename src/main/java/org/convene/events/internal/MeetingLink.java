package org.convene.events.internal;

import java.time.Instant;

/**
 * A meeting room of an event (any video-meeting service or self-hosted server), open during a
 * window. Only staff who may edit the event see the URL; registrants reach it through their join link.
 *
 * @param validFrom  as entered; null for the default opening before the start
 * @param validUntil as entered; null for the end of the event
 * @param opensAt    the effective opening
 * @param closesAt   the effective closing
 */
public record MeetingLink(long id, String url, Instant validFrom, Instant validUntil, Instant opensAt, Instant closesAt) {

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** A meeting link to save: the window ends may be null for the defaults. */
    public record Draft(String url, Instant validFrom, Instant validUntil) {
    }
}
