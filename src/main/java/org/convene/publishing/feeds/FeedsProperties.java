package org.convene.publishing.feeds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feeds, the sitemap and keeping statements and news in the search index.
 *
 * @param items              how many of the latest statements or news posts a feed holds
 * @param searchSyncInterval how often published, changed, scheduled and withdrawn statements and news are brought into the search index
 */
@ConfigurationProperties("convene.publishing.feeds")
public record FeedsProperties(@DefaultValue("50") int items, @DefaultValue("5s") Duration searchSyncInterval) {
}
