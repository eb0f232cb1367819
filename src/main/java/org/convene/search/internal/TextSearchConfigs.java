package org.convene.search.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PostgreSQL text-search configuration of each of Convene's languages: its stemmer and stop
 * words. A PostgreSQL without one (arabic and indonesian came with version 12) uses {@code simple}.
 */
@Component
public class TextSearchConfigs {

    private static final Map<String, String> WANTED = Map.of("en", "english", "es", "spanish", "fr", "french",
            "pt", "portuguese", "id", "indonesian", "ar", "arabic");

    private final Map<String, String> byLanguage = new HashMap<>();

    TextSearchConfigs(JdbcClient jdbc) {
        Set<String> available = Set.copyOf(jdbc.sql("SELECT cfgname FROM pg_ts_config").query(String.class).list());
        WANTED.forEach((language, config) -> byLanguage.put(language, available.contains(config) ? config : "simple"));
    }

    /** The configuration for a language code; {@code simple} for a language we have none for. */
    public String forLanguage(String language) {
        return byLanguage.getOrDefault(language, "simple");
    }
}
