package org.convene.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.convene.ConveneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded server keeps its data across restarts of the application; a configured JDBC URL
 * makes Convene use that external server instead and start none of its own.
 */
class DatabaseChoiceTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedDataSurvivesARestart() {
        String[] args = {"--convene.database.embedded.data-dir=" + dataDir.resolve("pg"), "--spring.profiles.active=test",
                "--convene.database.embedded.clean-on-start=false"};
        try (ConfigurableApplicationContext first = start(args)) {
            JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
            jdbc.sql("INSERT INTO staff_account (email, display_name, password_hash, role) VALUES ('kept@example.org', 'Kept', 'x', 'NETWORK_ADMIN')").update();
        }
        try (ConfigurableApplicationContext second = start(args)) {
            JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
            assertThat(jdbc.sql("SELECT count(*) FROM staff_account WHERE email = 'kept@example.org'").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void externalDatabaseIsUsedWhenConfigured() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("external"))
                .setCleanDataDirectory(true).start()) {
            try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.profiles.active=test",
                    "--convene.database.embedded.data-dir=" + dataDir.resolve("must-not-exist"))) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgresConfiguration.class)).isEmpty();
                assertThat(dataDir.resolve("must-not-exist")).doesNotExist();
            }
            JdbcClient externalJdbc = JdbcClient.create(external.getPostgresDatabase());
            assertThat(externalJdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                    .isPositive();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ConveneApplication.class).properties("server.port=0").run(args);
    }
}
