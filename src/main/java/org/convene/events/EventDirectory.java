package org.convene.events;

import java.util.List;
import java.util.Optional;
import org.convene.platform.i18n.TranslatedText;

/** What other modules may read of events: the id, slug and title of public, published events (to link to them). */
public interface EventDirectory {

    record EventEntry(long id, String slug, TranslatedText title) {
    }

    /** Public published events, the latest start first. */
    List<EventEntry> events();

    Optional<EventEntry> event(long id);
}
