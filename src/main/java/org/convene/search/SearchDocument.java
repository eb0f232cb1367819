package org.convene.search;

import java.time.Instant;

/**
 * One public page in one language as search finds it.
 *
 * @param refId       the id of the statement, event, organization, ... in its own module
 * @param language    the language of the title and text (one of Convene's languages)
 * @param body        plain text (no Markdown, no HTML)
 * @param urlPath     where the page is, a path starting with {@code /}
 * @param publishedAt when it was published (for events: when they start); newer ranks a little higher
 */
public record SearchDocument(SearchKind kind, long refId, String language, String title, String body, String urlPath,
                             Long regionId, String country, Long organizationId, Instant publishedAt) {
}
