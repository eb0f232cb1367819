package org.convene.platform.i18n;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link TranslatedText} as a form binds it: {@code description.values[fr]} and
 * {@code description.fallback}. Every supported language has an entry, so the side-by-side editor
 * ({@code fragments/translations :: editor}) shows one text area per language. Also the JSON shape
 * of translated texts in the API: {@code {"fallback":"en","values":{"en":"..."}}}.
 */
public class TranslatedTextForm {

    private String fallback = Languages.DEFAULT;
    private Map<String, String> values = new LinkedHashMap<>();

    public TranslatedTextForm() {
        Languages.SUPPORTED.forEach(lang -> values.put(lang, ""));
    }

    public static TranslatedTextForm of(TranslatedText text) {
        TranslatedTextForm form = new TranslatedTextForm();
        if (text != null) {
            form.fallback = text.fallback();
            form.values.putAll(text.values());
        }
        return form;
    }

    /** The text; when the fallback language was left empty, the first language that has a text becomes the fallback. */
    public TranslatedText toText() {
        String chosen = fallback;
        if (values.get(chosen) == null || values.get(chosen).isBlank()) {
            chosen = Languages.SUPPORTED.stream().filter(l -> values.get(l) != null && !values.get(l).isBlank())
                    .findFirst().orElse(fallback);
        }
        return new TranslatedText(chosen, values);
    }

    /** The longest value, for length checks. */
    public int longestValue() {
        return values.values().stream().mapToInt(v -> v == null ? 0 : v.strip().length()).max().orElse(0);
    }

    public String getFallback() {
        return fallback;
    }

    public void setFallback(String fallback) {
        this.fallback = fallback;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public void setValues(Map<String, String> values) {
        this.values = new LinkedHashMap<>();
        Languages.SUPPORTED.forEach(lang -> this.values.put(lang, ""));
        if (values != null) {
            this.values.putAll(values);
        }
    }
}
