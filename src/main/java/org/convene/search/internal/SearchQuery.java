package org.convene.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.search.SearchKind;

/**
 * What a reader searches for, checked.
 *
 * @param text     the words, in the reader's way of writing them (quotes for phrases, {@code -} to exclude, {@code or})
 * @param kind     only this kind, or null for all
 * @param language only texts in this language, or null for all
 * @param page     from 1
 */
public record SearchQuery(String text, SearchKind kind, String language, Long regionId, String country, int page, int size) {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_PAGE = 50;

    /** Checks the request's parameters as given; every problem names its field. */
    public static SearchQuery parse(String q, String kind, String lang, String region, String country, Integer page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_LENGTH) {
            problems.add(new FieldProblem("q", "search.error.tooLong", "The search is longer than " + MAX_LENGTH + " characters."));
        }
        SearchKind parsedKind = null;
        if (kind != null && !kind.isBlank()) {
            parsedKind = SearchKind.parse(kind).orElse(null);
            if (parsedKind == null) {
                problems.add(new FieldProblem("kind", "search.error.kind",
                        "Unknown kind; use statement, news, resource, event or organization."));
            }
        }
        String language = null;
        if (lang != null && !lang.isBlank()) {
            language = lang.strip().toLowerCase(Locale.ROOT);
            if (!Languages.isSupported(language)) {
                problems.add(new FieldProblem("lang", "search.error.language", "Unknown language; use one of " + Languages.SUPPORTED + "."));
            }
        }
        Long regionId = null;
        if (region != null && !region.isBlank()) {
            try {
                regionId = Long.parseLong(region.strip());
            } catch (NumberFormatException notANumber) {
                problems.add(new FieldProblem("region", "search.error.region", "The region is given by its number."));
            }
        }
        String countryCode = null;
        if (country != null && !country.isBlank()) {
            countryCode = country.strip().toUpperCase(Locale.ROOT);
            if (!countryCode.matches("[A-Z]{2}")) {
                problems.add(new FieldProblem("country", "search.error.country", "The country is a two-letter ISO 3166-1 code."));
            }
        }
        int pageNumber = page == null ? 1 : page;
        if (pageNumber < 1 || pageNumber > MAX_PAGE) {
            problems.add(new FieldProblem("page", "search.error.page", "The page is between 1 and " + MAX_PAGE + "."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new SearchQuery(text, parsedKind, language, regionId, countryCode, pageNumber, size);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }

    public int offset() {
        return (page - 1) * size;
    }
}
