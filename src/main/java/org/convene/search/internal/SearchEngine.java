package org.convene.search.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.platform.i18n.Languages;
import org.convene.search.SearchKind;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
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
     * @param total           how many documents match; when {@code totalAtLeast}, at least that many (counting stops at the
     *                        candidates ranked)
     * @param onlyCommonWords the query had words, but only ones too common to search for (stop words) or none at all
     */
    public record Results(SearchQuery query, List<Hit> hits, long total, boolean totalAtLeast, boolean onlyCommonWords) {

        public int pages() {
            long ranked = Math.min(total, Math.max(CANDIDATES, (long) query.page() * query.size()));
            return (int) Math.min(SearchQuery.MAX_PAGE, (ranked + query.size() - 1) / query.size());
        }

        public boolean hasNext() {
            return query.page() < pages();
        }
    }

    /** How many of the newest matches are ranked; counting stops there too. */
    public static final int CANDIDATES = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate plain;
    private final TextSearchConfigs configs;

    SearchEngine(JdbcClient jdbc, JdbcTemplate plain, TextSearchConfigs configs) {
        this.jdbc = jdbc;
        this.plain = plain;
        this.configs = configs;
    }

    /**
     * Parses the query once per language, then runs one branch per distinct parsed query (languages whose
     * configurations parse it alike share one). Each branch takes the newest matches in its configurations,
     * at most the candidates ranked: the planner sees the query as a constant and, for a common word, walks
     * the published_at index newest first, stopping at the cap, instead of fetching every match from the GIN
     * index to count and sort it; for a rare word it takes the GIN index. Only the shown page gets ts_headline.
     */
    public Results search(SearchQuery query) {
        if (query.isEmpty()) {
            return new Results(query, List.of(), 0, false, false);
        }
        List<String> scope = query.language() == null ? Languages.SUPPORTED : List.of(query.language());
        Map<String, String> parsedByLanguage = parse(query.text(), scope);
        // Parsed query -> the configurations whose documents it is matched against.
        Map<String, Set<String>> branches = new LinkedHashMap<>();
        boolean somethingLeftOut = false;
        for (String language : scope) {
            String parsed = parsedByLanguage.get(language);
            if (parsed == null) {
                somethingLeftOut = true;
            } else {
                branches.computeIfAbsent(parsed, p -> new LinkedHashSet<>()).add(configs.forLanguage(language));
            }
        }
        if (branches.isEmpty()) {
            return new Results(query, List.of(), 0, false, true);
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder filters = new StringBuilder();
        if (query.language() != null) {
            filters.append(" AND d.language = :language");
            params.put("language", query.language());
        }
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
        // One branch for every language needs no configuration condition; several are told apart by the
        // configuration, which no index has (the language is the primary key's last column: the planner
        // would scan that key whole to combine it with the GIN index).
        boolean oneForAll = branches.size() == 1 && !somethingLeftOut;
        StringBuilder candidates = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, Set<String>> branch : branches.entrySet()) {
            params.put("q" + i, branch.getKey());
            params.put("configs" + i, "{" + String.join(",", branch.getValue()) + "}");
            candidates.append(i == 0 ? "" : "\n    UNION ALL\n    ").append("""
                    (SELECT d.ctid AS tid, d.published_at, d.ref_id, d.tsv, CAST(:q%1$d AS tsquery) AS query
                     FROM search_document d
                     WHERE d.tsv @@ CAST(:q%1$d AS tsquery)%2$s%3$s
                     ORDER BY d.published_at DESC NULLS LAST LIMIT :candidates)""".formatted(i,
                    oneForAll ? "" : " AND d.config = ANY (CAST(:configs" + i + " AS regconfig[]))", filters));
            i++;
        }
        params.put("limit", query.size());
        params.put("offset", query.offset());
        params.put("titleOptions", TITLE_OPTIONS);
        params.put("snippetOptions", SNIPPET_OPTIONS);
        int cap = Math.max(CANDIDATES, query.offset() + query.size());
        params.put("candidates", cap);
        String sql = """
                WITH candidates AS (
                    %s
                ), newest AS (
                    SELECT c.*, count(*) OVER () AS total FROM candidates c ORDER BY c.published_at DESC NULLS LAST LIMIT :candidates
                ), page AS (
                    SELECT n.tid, n.query, n.total, n.published_at, n.ref_id,
                           ts_rank_cd(n.tsv, n.query, 1 | 32)
                             * (0.75 + 0.25 / (1 + greatest(0, extract(epoch FROM now() - coalesce(n.published_at, now()))) / 15552000))
                             AS score
                    FROM newest n
                    ORDER BY score DESC, n.published_at DESC NULLS LAST, n.ref_id LIMIT :limit OFFSET :offset
                )
                SELECT d.kind, d.ref_id, d.language, d.title, d.url_path, d.published_at, p.score, p.total,
                       ts_headline(d.config, d.title, p.query, :titleOptions) AS title_marked,
                       ts_headline(d.config, left(d.body, 20000), p.query, :snippetOptions) AS snippet_marked
                FROM page p JOIN search_document d ON d.ctid = p.tid
                ORDER BY p.score DESC, p.published_at DESC NULLS LAST, p.ref_id""".formatted(candidates);
        List<Hit> hits = new ArrayList<>();
        long[] total = {0};
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        ParsedSql parsedSql = NamedParameterUtils.parseSqlStatement(sql);
        String positional = NamedParameterUtils.substituteNamedParameters(parsedSql, source);
        Object[] args = NamedParameterUtils.buildValueArray(parsedSql, source, null);
        plain.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(positional);
            // Never a server-side prepared statement: PostgreSQL plans the unnamed one with this query's words,
            // where a cached generic plan would not know how common they are (date index or GIN index).
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int a = 0; a < args.length; a++) {
                statement.setObject(a + 1, args[a]);
            }
            return statement;
        }, (RowCallbackHandler) rs -> {
            total[0] = rs.getLong("total");
            hits.add(hit(rs));
        });
        if (hits.isEmpty()) {
            return new Results(query, hits, 0, false, query.offset() == 0 && somethingLeftOut);
        }
        return new Results(query, hits, total[0], total[0] >= cap, false);
    }

    /**
     * The query parsed with each language's configuration, as tsquery text; no entry for a language in which
     * it parses to nothing: stop words, punctuation or operators only ("the and of" is nothing in English,
     * though Indonesian has no such stop words).
     */
    private Map<String, String> parse(String text, List<String> scope) {
        StringBuilder values = new StringBuilder();
        for (String language : scope) {
            values.append(values.isEmpty() ? "" : ", ").append("('").append(language).append("', CAST('")
                    .append(configs.forLanguage(language)).append("' AS regconfig))");
        }
        Map<String, String> parsed = new HashMap<>();
        jdbc.sql("""
                SELECT v.language, CAST(q AS text) AS parsed
                FROM (VALUES %s) AS v(language, config), websearch_to_tsquery(v.config, :q) AS q
                WHERE numnode(q) > 0""".formatted(values)).param("q", text)
                .query((RowCallbackHandler) rs -> parsed.put(rs.getString("language"), rs.getString("parsed")));
        return parsed;
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
