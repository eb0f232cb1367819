package org.convene.events.internal;

import java.util.List;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;
import org.convene.search.SearchDocument;
import org.convene.search.SearchIndex;
import org.convene.search.SearchKind;
import org.convene.search.SearchSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps published public events in the search index, one document per language of the title; others are removed. */
@Component
class EventSearch implements SearchSource {

    private final SearchIndex index;
    private final MemberDirectory directory;
    private final JdbcClient jdbc;

    EventSearch(SearchIndex index, MemberDirectory directory, JdbcClient jdbc) {
        this.index = index;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    void changed(Event event) {
        if (!event.isPublished() || !event.isPublic()) {
            index.remove(SearchKind.EVENT, event.id());
            return;
        }
        var organization = event.organizationId() == null ? null : directory.organization(event.organizationId()).orElse(null);
        List<SearchDocument> documents = event.title().values().entrySet().stream()
                .filter(e -> Languages.isSupported(e.getKey()) && !e.getValue().isBlank())
                .map(e -> new SearchDocument(SearchKind.EVENT, event.id(), e.getKey(), e.getValue(),
                        String.join("\n", event.description().in(e.getKey()), blankIfNull(event.venueName()),
                                blankIfNull(event.venueAddress())),
                        "/events/" + event.slug(), organization == null ? null : organization.regionId(),
                        organization == null ? null : organization.country(), event.organizationId(), event.startsAt()))
                .toList();
        index.replace(SearchKind.EVENT, event.id(), documents);
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void reindex(SearchIndex into) {
        jdbc.sql("SELECT " + Events.COLUMNS + " FROM event").query(Events::map).list().forEach(this::changed);
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }
}
