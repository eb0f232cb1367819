package org.convene.search;

/** A module whose content search finds: at startup it puts all of its public pages into the index again. */
public interface SearchSource {

    /** What the source indexes, for the log. */
    String name();

    void reindex(SearchIndex index);
}
