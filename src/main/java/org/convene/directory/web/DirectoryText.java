package org.convene.directory.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.convene.directory.internal.Checks;
import org.springframework.stereotype.Component;

/** Names of countries and languages in the reader's language, for templates ({@code @directoryText}). */
@Component("directoryText")
public class DirectoryText {

    /** A choice in a select: its code and its name in the reader's language. */
    public record Option(String code, String name) {
    }

    public String country(String code, Locale reader) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return Locale.of("", code).getDisplayCountry(reader);
    }

    public String language(String code, Locale reader) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.of(code).getDisplayLanguage(reader);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }

    /** Language names joined as the reader's language writes lists (Arabic uses its own comma). */
    public String languageList(Collection<String> codes, Locale reader) {
        String separator = "ar".equals(reader.getLanguage()) ? "، " : ", ";
        return String.join(separator, codes.stream().map(c -> language(c, reader)).toList());
    }

    public List<Option> countries(Collection<String> codes, Locale reader) {
        return sorted(codes.stream().map(c -> new Option(c, country(c, reader))).toList(), reader);
    }

    public List<Option> allCountries(Locale reader) {
        return countries(Checks.countries(), reader);
    }

    public List<Option> languages(Collection<String> codes, Locale reader) {
        return sorted(codes.stream().map(c -> new Option(c, language(c, reader))).toList(), reader);
    }

    public List<Option> allLanguages(Locale reader) {
        return languages(Checks.languages(), reader);
    }

    /** The non-blank lines of a text, e.g. one social handle per line. */
    public List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Option> sorted(List<Option> options, Locale reader) {
        Collator collator = Collator.getInstance(reader);
        return options.stream().sorted(Comparator.comparing(Option::name, collator)).toList();
    }
}
