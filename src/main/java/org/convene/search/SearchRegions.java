package org.convene.search;

import java.util.List;
import java.util.Locale;

/** The regions the search page offers as a filter, named in the reader's language (the directory knows them). */
public interface SearchRegions {

    record Region(long id, String name) {
    }

    List<Region> regions(Locale locale);
}
