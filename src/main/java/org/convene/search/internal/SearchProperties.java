package org.convene.search.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search.
 *
 * @param reindexOnStartup whether every module puts all of its public pages into the index again when the application starts
 */
@ConfigurationProperties("convene.search")
public record SearchProperties(@DefaultValue("true") boolean reindexOnStartup) {
}
