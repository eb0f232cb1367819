package org.convene.search.internal;

import java.util.List;
import org.convene.search.SearchIndex;
import org.convene.search.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts every module's public pages into the index once the application is ready, so that an existing database is searchable. */
@Component
class StartupReindex {

    private static final Logger log = LoggerFactory.getLogger(StartupReindex.class);

    private final List<SearchSource> sources;
    private final SearchIndex index;
    private final SearchProperties properties;

    StartupReindex(List<SearchSource> sources, SearchIndex index, SearchProperties properties) {
        this.sources = sources;
        this.index = index;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reindex() {
        if (!properties.reindexOnStartup()) {
            return;
        }
        for (SearchSource source : sources) {
            try {
                source.reindex(index);
            } catch (RuntimeException failed) {
                // One module's failure must not keep the application from starting; its pages come back on their next change.
                log.warn("Reindexing {} failed", source.name(), failed);
            }
        }
        log.info("Search index rebuilt from {} sources", sources.size());
    }
}
