package org.convene.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL server, used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the embedded server keeps its files
 * @param port    TCP port on loopback; 0 picks a free one
 * @param cleanOnStart start from an empty database, deleting what the directory held (tests)
 */
@ConfigurationProperties("convene.database.embedded")
public record DatabaseProperties(@DefaultValue("./data/postgres") String dataDir, @DefaultValue("0") int port,
                                 @DefaultValue("false") boolean cleanOnStart) {
}
