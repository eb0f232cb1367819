package org.convene.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.platform.i18n.Languages;
import org.convene.search.SearchKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Finds documents for a query. Each document is matched with the query parsed in the document's own
 * language (English documents with English stemming and stop words, Spanish ones with Spanish, ...),
 * so a reader finds "assemblies" in an English text and "asambleas" in a Spanish one with one query.
 * Ranking: cover density (ts_rank_cd, scaled by the text's length and into 0..1), times a recency
 * factor from 1 (new) down towards 0.75 (the half-way point at six months).
 */
@Service
public class SearchEngine {

    /** Highlight markers: control characters never stored in the index, replaced by {@code <mark>} after escaping. */
    private static final char START = '\u0001';
    private static final char STOP = '\u0002';
    private static final String TITLE_OPTIONS = "HighlightAll=true, StartSel=\"" + START + "\", StopSel=\"" + STOP + "\"";
    private static final String SNIPPET_OPTIONS = "MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \", "
            + "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\"";

    public record Hit(SearchKind kind, long refId, String language, String title, String titleHtml, String snippetHtml,
                      String urlPath, Instant publishedAt, double score) {

        public java.time.LocalDate publishedOn() {
            return publishedAt == null ? null : java.time.LocalDate.ofInstant(publishedAt, java.time.ZoneOffset.UTC);
        }
    }

    /**
     * @param onlyCommonWords the query had words, but only ones too common to search for (stop words) or none at all
     */
    public record Results(SearchQuery query, List<Hit> hits, long total, boolean onlyCommonWords) {

        public int pages() {
            long ranked = Math.min(total, Math.max(CANDIDATES, (long) query.page() * query.size()));
            return (int) Math.min(SearchQuery.MAX_PAGE, (ranked + query.size() - 1) / query.size());
        }

        public boolean hasNext() {
            return query.page() < pages();
        }
    }

    /** How many of the newest matches are ranked. */
    static final int CANDIDATES = 1000;

    private final JdbcClient jdbc;
    private final TextSearchConfigs configs;

    SearchEngine(JdbcClient jdbc, TextSearchConfigs configs) {
        this.jdbc = jdbc;
        this.configs = configs;
    }

    public Results search(SearchQuery query) {
        if (query.isEmpty()) {
            return new Results(query, List.of(), 0, false);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder languages = new StringBuilder();
        List<String> scope = query.language() == null ? Languages.SUPPORTED : List.of(query.language());
        for (String language : scope) {
            languages.append(languages.isEmpty() ? "" : ", ")
                    .append("('").append(language).append("', CAST('").append(configs.forLanguage(language)).append("' AS regconfig))");
        }
        StringBuilder filters = new StringBuilder();
        if (query.kind() != null) {
            filters.append(" AND d.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.regionId() != null) {
            filters.append(" AND d.region_id = :region");
            params.put("region", query.regionId());
        }
        if (query.country() != null) {
            filters.append(" AND d.country = :country");
            params.put("country", query.country());
        }
        params.put("q", query.text());
        params.put("limit", query.size());
        params.put("offset", query.offset());
        params.put("titleOptions", TITLE_OPTIONS);
        params.put("snippetOptions", SNIPPET_OPTIONS);
        // Languages whose configurations parse the query alike (names, numbers, words no stemmer changes)
        // share one index scan. The newest CANDIDATES matches are ranked (every match is counted): a word
        // in most documents would otherwise rank tens of thousands of rows for one page.
        params.put("candidates", Math.max(CANDIDATES, query.offset() + query.size()));
        String sql = """
                WITH parsed AS (
                    SELECT v.language, websearch_to_tsquery(v.config, :q) AS query FROM (VALUES %s) AS v(language, config)
                ), q AS (
                    SELECT query, array_agg(language) AS languages FROM parsed WHERE numnode(query) > 0 GROUP BY query
                ), candidates AS (
                    SELECT d.ctid AS tid, d.published_at, q.query, count(*) OVER () AS total
                    FROM q JOIN search_document d ON d.tsv @@ q.query AND d.language = ANY (q.languages)
                    WHERE true %s
                    ORDER BY d.published_at DESC NULLS LAST LIMIT :candidates
                ), page AS (
                    SELECT d.kind, d.ref_id, d.language, d.config, d.title, d.body, d.url_path, d.published_at, c.query, c.total,
                           ts_rank_cd(d.tsv, c.query, 1 | 32)
                             * (0.75 + 0.25 / (1 + greatest(0, extract(epoch FROM now() - coalesce(d.published_at, now()))) / 15552000))
                             AS score
                    FROM candidates c JOIN search_document d ON d.ctid = c.tid
                    ORDER BY score DESC, d.published_at DESC NULLS LAST, d.ref_id LIMIT :limit OFFSET :offset
                )
                SELECT p.kind, p.ref_id, p.language, p.title, p.url_path, p.published_at, p.score, p.total,
                       ts_headline(p.config, p.title, p.query, :titleOptions) AS title_marked,
                       ts_headline(p.config, left(p.body, 20000), p.query, :snippetOptions) AS snippet_marked
                FROM page p ORDER BY p.score DESC, p.published_at DESC NULLS LAST, p.ref_id""".formatted(languages, filters);
        List<Hit> hits = new ArrayList<>();
        long[] total = {0};
        jdbc.sql(sql).params(params).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            total[0] = rs.getLong("total");
            hits.add(hit(rs));
        });
        if (hits.isEmpty() && query.offset() == 0) {
            return new Results(query, hits, 0, onlyCommonWords(query.text(), scope));
        }
        if (hits.isEmpty()) {
            total[0] = 0;
        }
        return new Results(query, hits, total[0], false);
    }

    /**
     * Whether, in one of the languages searched, the words parse to nothing: stop words, punctuation
     * or operators only ("the and of" is nothing in English, though Indonesian has no such stop words).
     */
    private boolean onlyCommonWords(String text, List<String> scope) {
        for (String language : scope) {
            Boolean empty = jdbc.sql("SELECT numnode(websearch_to_tsquery(CAST(:config AS regconfig), :q)) = 0")
                    .param("config", configs.forLanguage(language)).param("q", text).query(Boolean.class).single();
            if (empty) {
                return true;
            }
        }
        return false;
    }

    private static Hit hit(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Hit(SearchKind.valueOf(rs.getString("kind")), rs.getLong("ref_id"), rs.getString("language"),
                rs.getString("title"), marked(rs.getString("title_marked")), marked(rs.getString("snippet_marked")),
                rs.getString("url_path"), published == null ? null : published.toInstant(), rs.getDouble("score"));
    }

    /** ts_headline's output is the stored text as it is: escape it, then turn the markers into {@code <mark>}. */
    static String marked(String text) {
        if (text == null) {
            return "";
        }
        return HtmlUtils.htmlEscape(text).replace(String.valueOf(START), "<mark>").replace(String.valueOf(STOP), "</mark>");
    }
}
