package org.convene.events.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.postgresql.util.PGobject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A custom question of the registration form: a short text, a choice among options, or a consent
 * checkbox (always required: its label is the text people agree to).
 *
 * @param key stable within the event; answers are stored under it
 */
public record Question(String key, Kind kind, TranslatedText label, List<TranslatedText> choices, boolean required) {

    public enum Kind {
        TEXT, CHOICE, CONSENT
    }

    /** Longest answer to a short-text question. */
    public static final int MAX_ANSWER = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
        required = required || kind == Kind.CONSENT;
    }

    static String toJson(List<Question> questions) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Question q : questions) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("key", q.key());
            doc.put("kind", q.kind().name());
            doc.put("label", JSON.readValue(TranslatedTextJdbcConversions.toJson(q.label()), Map.class));
            doc.put("choices", q.choices().stream().map(c -> JSON.readValue(TranslatedTextJdbcConversions.toJson(c), Map.class)).toList());
            doc.put("required", q.required());
            docs.add(doc);
        }
        return JSON.writeValueAsString(docs);
    }

    static List<Question> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Map<String, Object>> docs = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        List<Question> questions = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            List<?> choices = (List<?>) doc.getOrDefault("choices", List.of());
            questions.add(new Question((String) doc.get("key"), Kind.valueOf((String) doc.get("kind")), text(doc.get("label")),
                    choices.stream().map(Question::text).toList(), Boolean.TRUE.equals(doc.get("required"))));
        }
        return questions;
    }

    private static TranslatedText text(Object doc) {
        return TranslatedTextJdbcConversions.fromJson(JSON.writeValueAsString(doc));
    }

    static PGobject jsonb(String json) {
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(json);
            return object;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
