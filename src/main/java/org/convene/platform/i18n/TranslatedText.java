package org.convene.platform.i18n;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A text written in several languages. Readers see their own language when it exists, otherwise
 * the fallback language (the one the text was first written in), otherwise any language there is.
 *
 * @param fallback the language shown when the reader's is missing
 * @param values   the text per language code, blank values left out
 */
public record TranslatedText(String fallback, Map<String, String> values) {

    public TranslatedText {
        fallback = Languages.isSupported(fallback) ? fallback : Languages.DEFAULT;
        Map<String, String> clean = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((lang, text) -> {
                if (Languages.isSupported(lang) && text != null && !text.isBlank()) {
                    clean.put(lang, text.strip());
                }
            });
        }
        values = Collections.unmodifiableMap(clean);
    }

    public static TranslatedText empty() {
        return new TranslatedText(Languages.DEFAULT, Map.of());
    }

    public static TranslatedText of(String language, String text) {
        return new TranslatedText(language, Map.of(language, text == null ? "" : text));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The text for a reader of this language. */
    public String in(Locale locale) {
        return in(locale.getLanguage());
    }

    public String in(String language) {
        String text = values.get(language);
        if (text == null) {
            text = values.get(fallback);
        }
        if (text == null && !values.isEmpty()) {
            text = values.values().iterator().next();
        }
        return text == null ? "" : text;
    }

    /** The language the reader will actually see, so the page can mark it with {@code lang}. */
    public String languageShownFor(Locale locale) {
        if (values.containsKey(locale.getLanguage())) {
            return locale.getLanguage();
        }
        if (values.containsKey(fallback) || values.isEmpty()) {
            return fallback;
        }
        return values.keySet().iterator().next();
    }

    public TranslatedText with(String language, String text) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(language, text);
        return new TranslatedText(fallback, copy);
    }
}
