package org.convene.search.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.search.SearchKind;
import org.convene.search.internal.SearchEngine;
import org.convene.search.internal.SearchQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search in the REST API: what the search page finds, as JSON. */
@ApiController("/api/v1/search")
class SearchApiController {

    /**
     * One result. {@code titleHtml} and {@code snippet} are HTML: the text escaped, the matched words in {@code <mark>}.
     */
    record Result(SearchKind kind, long id, String language, String title, String titleHtml, String snippet, String url,
                  Instant publishedAt, double score) {
    }

    /**
     * @param total           how many texts match; when {@code totalAtLeast} is true, at least that many (counting stops
     *                        at 1,000, or at the end of the page asked for beyond it)
     * @param onlyCommonWords true when the query had only words too common to search for (nothing was searched)
     */
    record Results(String q, int page, int size, long total, boolean totalAtLeast, boolean onlyCommonWords, List<Result> results) {
    }

    private final SearchEngine engine;
    private final PlatformProperties platform;

    SearchApiController(SearchEngine engine, PlatformProperties platform) {
        this.engine = engine;
        this.platform = platform;
    }

    @GetMapping
    @PermitAll
    @Operation(summary = "Search statements, news, resources, events and organizations",
            description = "Full-text search in each text's own language; the query may use quotes for phrases, "
                    + "a minus sign to exclude a word and OR. Unknown kinds or languages are answered with a 400 problem.")
    Results search(@Parameter(description = "the words to find, at most 200 characters") @RequestParam(required = false) String q,
                   @Parameter(description = "statement, news, resource, event or organization") @RequestParam(required = false) String kind,
                   @Parameter(description = "only texts in this language (en, es, fr, pt, id, ar)") @RequestParam(required = false) String lang,
                   @Parameter(description = "region id") @RequestParam(required = false) String region,
                   @Parameter(description = "ISO 3166-1 alpha-2 country code") @RequestParam(required = false) String country,
                   @RequestParam(required = false) String page,
                   @Parameter(description = "results per page, 1 to 50 (20)") @RequestParam(required = false) String size) {
        int pageSize = number("size", size, 20);
        if (pageSize < 1 || pageSize > 50) {
            throw new InvalidInputException("size", "search.error.size", "The size is between 1 and 50.");
        }
        SearchQuery query = SearchQuery.parse(q, kind, lang, region, country, number("page", page, 1), pageSize);
        SearchEngine.Results found = engine.search(query);
        return new Results(query.text(), query.page(), query.size(), found.total(), found.totalAtLeast(), found.onlyCommonWords(),
                found.hits().stream().map(h -> new Result(h.kind(), h.refId(), h.language(), h.title(), h.titleHtml(),
                        h.snippetHtml(), platform.link(h.urlPath()), h.publishedAt(), h.score())).toList());
    }

    private static int number(String field, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, "search.error." + field, "The " + field + " is a whole number.");
        }
    }
}
