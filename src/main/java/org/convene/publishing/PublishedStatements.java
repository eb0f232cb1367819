package org.convene.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published statements as other modules may show them (a newsletter featuring one): public now,
 * with their title and summary in each published language.
 */
public interface PublishedStatements {

    /**
     * @param kind      STATEMENT or NEWS
     * @param titles    the title per published language
     * @param summaries the summary per published language (blank ones left out)
     * @param languages the published languages, the original first
     * @param path      the public page, relative to the site ({@code /statements/{slug}})
     */
    record PublishedStatement(long id, String slug, String kind, Map<String, String> titles, Map<String, String> summaries,
                              List<String> languages, Instant publishedAt, String path) {
    }

    /** A statement that is public now. */
    Optional<PublishedStatement> find(long id);

    /** Public statements, the latest first (at most 200). */
    List<PublishedStatement> latest();
}
