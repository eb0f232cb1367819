package org.convene.platform.i18n;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores a {@link TranslatedText} in a {@code jsonb} column: {@code {"fallback":"en","values":{"en":"..."}}}. */
@Configuration(proxyBeanMethods = false)
public class TranslatedTextJdbcConversions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return new JdbcCustomConversions(List.of(new ToJsonb(), new FromJsonb()));
    }

    public static String toJson(TranslatedText text) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("fallback", text.fallback());
        doc.put("values", text.values());
        return JSON.writeValueAsString(doc);
    }

    public static TranslatedText fromJson(String json) {
        if (json == null || json.isBlank()) {
            return TranslatedText.empty();
        }
        Map<String, Object> doc = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) doc.getOrDefault("values", Map.of());
        return new TranslatedText((String) doc.get("fallback"), values);
    }

    /** A {@code jsonb} parameter for {@code JdbcClient} statements. */
    public static PGobject jsonb(TranslatedText text) {
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(toJson(text));
            return object;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @WritingConverter
    static final class ToJsonb implements Converter<TranslatedText, PGobject> {
        @Override
        public PGobject convert(TranslatedText source) {
            return jsonb(source);
        }
    }

    @ReadingConverter
    static final class FromJsonb implements Converter<PGobject, TranslatedText> {
        @Override
        public TranslatedText convert(PGobject source) {
            return fromJson(source.getValue());
        }
    }
}
