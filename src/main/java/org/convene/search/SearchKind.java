package org.convene.search;

import java.util.Locale;
import java.util.Optional;

/** What a search result is. */
public enum SearchKind {
    STATEMENT, NEWS, RESOURCE, EVENT, ORGANIZATION;

    /** The kind named in a filter ({@code statement}, {@code NEWS}, ...), if there is one. */
    public static Optional<SearchKind> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
