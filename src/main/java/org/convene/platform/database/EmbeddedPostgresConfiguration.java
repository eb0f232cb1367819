package org.convene.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Starts PostgreSQL inside the application when no external database is configured, so that
 * Convene runs on a machine with nothing but a JDK. Application contexts of one JVM that use the
 * same data directory share one server (tests start it once); it stops when the last of them closes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Map<Path, Server> RUNNING = new HashMap<>();

    private record Server(EmbeddedPostgres postgres, int users) {
    }

    @Bean(destroyMethod = "close")
    EmbeddedDataSource dataSource(DatabaseProperties properties,
                                  @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        EmbeddedPostgres postgres = acquire(dir, properties);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("convene");
        return new EmbeddedDataSource(config, () -> release(dir));
    }

    /** A connection pool that lets go of its embedded server when it closes. */
    static final class EmbeddedDataSource extends HikariDataSource implements DataSource {
        private final Runnable onClose;

        EmbeddedDataSource(HikariConfig config, Runnable onClose) {
            super(config);
            this.onClose = onClose;
        }

        @Override
        public void close() {
            super.close();
            onClose.run();
        }
    }

    private static synchronized EmbeddedPostgres acquire(Path dir, DatabaseProperties properties) {
        Server server = RUNNING.get(dir);
        if (server == null) {
            if (properties.cleanOnStart()) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
            server = new Server(start(dir, properties.port()), 0);
        }
        RUNNING.put(dir, new Server(server.postgres(), server.users() + 1));
        return server.postgres();
    }

    private static synchronized void release(Path dir) {
        Server server = RUNNING.get(dir);
        if (server == null) {
            return;
        }
        if (server.users() > 1) {
            RUNNING.put(dir, new Server(server.postgres(), server.users() - 1));
            return;
        }
        RUNNING.remove(dir);
        try {
            server.postgres().close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static EmbeddedPostgres start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // stopped by the pool when the context closes, after everything that still writes to it
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL {} on 127.0.0.1:{} with its data in {}",
                    fresh ? "initialised" : "started", pg.getPort(), dir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }
}
