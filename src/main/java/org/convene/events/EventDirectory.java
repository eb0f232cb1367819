package org.convene.events;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;

/**
 * Events as other modules may show or link them (a statement's related event, a newsletter
 * announcing one): public events that were published (cancelled ones included, so that links to
 * them keep working; {@link #upcoming} leaves them out).
 */
public interface EventDirectory {

    /**
     * @param venueName  where it takes place; null for an online event
     * @param coverImage the cover picture's name in media ({@code /media/{name}}), or null
     * @param path       the public page, relative to the site ({@code /events/{slug}})
     */
    record EventEntry(long id, String slug, TranslatedText title, Instant startsAt, Instant endsAt, ZoneId zone, String venueName,
                      boolean online, boolean cancelled, String coverImage, String path) {
    }

    /** Public events, the latest start first (at most 500). */
    List<EventEntry> events();

    Optional<EventEntry> event(long id);

    /** Published public events that have not ended, the soonest first (at most 200). */
    List<EventEntry> upcoming(Instant now);
}
