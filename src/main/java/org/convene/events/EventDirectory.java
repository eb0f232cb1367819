package org.convene.events;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;

/**
 * Events as other modules may show them (a newsletter announcing one): published, public events
 * only, with what a short mention needs.
 */
public interface EventDirectory {

    /**
     * @param venueName  where it takes place; null for an online event
     * @param coverImage the cover picture's name in media ({@code /media/{name}}), or null
     * @param path       the public page, relative to the site ({@code /events/{slug}})
     */
    record EventSummary(long id, String slug, TranslatedText title, Instant startsAt, Instant endsAt, ZoneId zone, String venueName,
                        boolean online, String coverImage, String path) {
    }

    /** A published public event (past or upcoming). */
    Optional<EventSummary> find(long id);

    /** Published public events that have not ended, the soonest first (at most 200). */
    List<EventSummary> upcoming(Instant now);
}
