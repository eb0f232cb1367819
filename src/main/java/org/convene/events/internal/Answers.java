package org.convene.events.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks answers to an event's custom questions and turns them into what is stored: short texts
 * as written, a choice as the option's text in the event's main language, a consent as the time
 * it was given. Answers to questions the event does not ask are dropped.
 */
final class Answers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Answers() {
    }

    /** The answers as stored (JSON), adding a problem per question answered wrongly or not at all. */
    static String check(Event event, Map<String, String> given, Refusals.Collector problems) {
        Map<String, String> answers = given == null ? Map.of() : given;
        Map<String, String> stored = new LinkedHashMap<>();
        for (Question question : event.questions()) {
            String field = "answers[" + question.key() + "]";
            String value = answers.get(question.key());
            value = value == null ? "" : value.strip();
            switch (question.kind()) {
                case TEXT -> {
                    if (value.length() > Question.MAX_ANSWER) {
                        problems.add(field, "registration.answer.tooLong");
                    } else if (!value.isEmpty()) {
                        stored.put(question.key(), value);
                    } else if (question.required()) {
                        problems.add(field, "registration.answer.required");
                    }
                }
                case CHOICE -> {
                    Integer index = index(value, question.choices().size());
                    if (index != null) {
                        stored.put(question.key(), question.choices().get(index).in(event.title().fallback()));
                    } else if (!value.isEmpty()) {
                        problems.add(field, "registration.answer.unknownChoice");
                    } else if (question.required()) {
                        problems.add(field, "registration.answer.required");
                    }
                }
                case CONSENT -> {
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on") || value.equalsIgnoreCase("yes")) {
                        stored.put(question.key(), Instant.now().toString());
                    } else {
                        problems.add(field, "registration.answer.consentRequired");
                    }
                }
            }
        }
        return JSON.writeValueAsString(stored);
    }

    static Map<String, String> fromJson(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }

    private static Integer index(String value, int size) {
        if (!value.matches("\\d{1,3}")) {
            return null;
        }
        int i = Integer.parseInt(value);
        return i < size ? i : null;
    }
}
