package org.convene.directory.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.convene.platform.i18n.TranslatedTextForm;
import org.convene.platform.web.InvalidInputException.FieldProblem;

/** The rules the directory's records keep, shared by the forms, the API and the CSV import. */
public final class Checks {

    public static final int MAX_DESCRIPTION = 5000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Checks() {
    }

    /** An ISO 3166-1 alpha-2 country code, upper case. */
    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && COUNTRIES.contains(code);
    }

    /** An ISO 639-1 language code, lower case. */
    public static boolean isLanguage(String code) {
        return code != null && code.length() == 2 && LANGUAGES.contains(code);
    }

    public static List<String> countries() {
        return COUNTRIES.stream().sorted().toList();
    }

    public static List<String> languages() {
        return LANGUAGES.stream().sorted().toList();
    }

    /** A web address people can follow: http or https with a host. Blank counts as none. */
    public static boolean isWebsite(String url) {
        if (url == null || url.isBlank()) {
            return true;
        }
        try {
            URI uri = new URI(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && url.length() <= 300;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static void checkWebsite(String field, String url, List<FieldProblem> problems) {
        if (!isWebsite(url)) {
            problems.add(new FieldProblem(field, "directory.website.invalid", "Enter a full web address starting with https:// or http://."));
        }
    }

    public static void checkDescription(String field, TranslatedTextForm text, List<FieldProblem> problems) {
        if (text != null && text.longestValue() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem(field, "directory.description.tooLong",
                    "Each translation may have at most " + MAX_DESCRIPTION + " characters."));
        }
    }

    /** A readable, URL-safe name made from a record's name, made unique with a number when needed. */
    public static String slug(String name, Predicate<String> taken) {
        String base = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "record";
        }
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
