package org.convene.search.web;

import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.convene.search.SearchKind;
import org.convene.search.SearchRegions;
import org.convene.search.internal.SearchEngine;
import org.convene.search.internal.SearchQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page: a plain GET form (the header's search box sends to it too), results with highlighted snippets. */
@Controller
class SearchController {

    static final int PAGE_SIZE = 10;

    private final SearchEngine engine;
    private final ObjectProvider<SearchRegions> regions;
    private final MessageSource messages;

    SearchController(SearchEngine engine, ObjectProvider<SearchRegions> regions, MessageSource messages) {
        this.engine = engine;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/search")
    @PermitAll
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                  @RequestParam(name = "language", required = false) String lang, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String country, @RequestParam(required = false) String page,
                  Locale locale, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer pageNumber = null;
        try {
            pageNumber = page == null || page.isBlank() ? null : Integer.valueOf(page.strip());
        } catch (NumberFormatException notANumber) {
            pageNumber = 0;
        }
        // The filter is "language", not "lang": ?lang= switches the interface's language on every page
        // (the header's language links add it), which must not filter the results too.
        SearchEngine.Results results = null;
        try {
            SearchQuery query = SearchQuery.parse(q, kind, lang, region, country, pageNumber, PAGE_SIZE);
            results = engine.search(query);
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.putIfAbsent(p.field().equals("lang") ? "language" : p.field(), messages.getMessage(p.code(), null, p.message(), locale)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("filters", new Filters(kind, lang, region, country));
        model.addAttribute("errors", errors);
        model.addAttribute("results", results);
        model.addAttribute("kinds", SearchKind.values());
        model.addAttribute("languages", Languages.SUPPORTED.stream().map(c -> new Choice(c, Languages.nativeName(c))).toList());
        SearchRegions known = regions.getIfAvailable();
        model.addAttribute("regions", known == null ? List.of() : known.regions(locale));
        if (results != null) {
            model.addAttribute("previousHref", results.query().page() > 1 ? pageHref(q, kind, lang, region, country, results.query().page() - 1) : null);
            model.addAttribute("nextHref", results.hasNext() ? pageHref(q, kind, lang, region, country, results.query().page() + 1) : null);
        }
        return "search/search";
    }

    record Filters(String kind, String lang, String region, String country) {
    }

    record Choice(String code, String name) {
    }

    private static String pageHref(String q, String kind, String lang, String region, String country, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search").queryParam("q", q);
        if (kind != null && !kind.isBlank()) {
            b.queryParam("kind", kind);
        }
        if (lang != null && !lang.isBlank()) {
            b.queryParam("language", lang);
        }
        if (region != null && !region.isBlank()) {
            b.queryParam("region", region);
        }
        if (country != null && !country.isBlank()) {
            b.queryParam("country", country);
        }
        return b.queryParam("page", page).encode().build().toUriString();
    }
}
