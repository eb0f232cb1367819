package org.convene.publishing.signon;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Whether a statement takes endorsements: open or not, until when (the deadline closes sign-on
 * everywhere: forms, API, member buttons and withdrawals), and whether individuals may add their names.
 *
 * @param timeZone the zone the deadline was set in, to show it as staff meant it
 */
public record SignOnSettings(long publicationId, boolean open, Instant closesAt, ZoneId timeZone, boolean individualsAllowed) {

    public static SignOnSettings closed(long publicationId) {
        return new SignOnSettings(publicationId, false, null, ZoneId.of("UTC"), false);
    }

    public boolean deadlinePassed(Instant now) {
        return closesAt != null && !now.isBefore(closesAt);
    }

    /** Open and before the deadline. */
    public boolean accepting(Instant now) {
        return open && !deadlinePassed(now);
    }
}
