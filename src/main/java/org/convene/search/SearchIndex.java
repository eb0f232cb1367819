package org.convene.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convene.platform.i18n.Languages;
import org.convene.search.internal.TextSearchConfigs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the search index current. Called inside the caller's transaction, so that a change that
 * rolls back leaves the index as it was.
 */
@Service
public class SearchIndex {

    /** Longer texts are cut: PostgreSQL's text-search vectors hold at most 1 MB. */
    static final int MAX_BODY = 100_000;

    /** A page in the index, for the sitemap. */
    public record IndexedPage(SearchKind kind, long refId, String language, String urlPath, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final TextSearchConfigs configs;

    SearchIndex(JdbcClient jdbc, TextSearchConfigs configs) {
        this.jdbc = jdbc;
        this.configs = configs;
    }

    /** Adds the page in its language, or replaces what the index had for it. */
    @Transactional
    public void put(SearchDocument document) {
        if (!Languages.isSupported(document.language())) {
            throw new IllegalArgumentException("Not one of Convene's languages: " + document.language());
        }
        jdbc.sql("""
                        INSERT INTO search_document (kind, ref_id, language, config, title, body, url_path, region_id, country,
                            organization_id, published_at, updated_at)
                        VALUES (:kind, :ref, :language, CAST(:config AS regconfig), :title, :body, :url, :region, :country, :org,
                            :published, now())
                        ON CONFLICT (kind, ref_id, language) DO UPDATE SET config = EXCLUDED.config, title = EXCLUDED.title,
                            body = EXCLUDED.body, url_path = EXCLUDED.url_path, region_id = EXCLUDED.region_id,
                            country = EXCLUDED.country, organization_id = EXCLUDED.organization_id,
                            published_at = EXCLUDED.published_at, updated_at = now()""")
                .param("kind", document.kind().name()).param("ref", document.refId())
                .param("language", document.language()).param("config", configs.forLanguage(document.language()))
                .param("title", clean(document.title(), 1000)).param("body", clean(document.body(), MAX_BODY))
                .param("url", document.urlPath()).param("region", document.regionId())
                .param("country", document.country() == null || document.country().isBlank() ? null : document.country())
                .param("org", document.organizationId())
                .param("published", document.publishedAt() == null ? null : Timestamp.from(document.publishedAt()))
                .update();
    }

    /** Makes these documents (one per language) all the index has for the page; none removes it. */
    @Transactional
    public void replace(SearchKind kind, long refId, Collection<SearchDocument> documents) {
        List<String> languages = new ArrayList<>();
        for (SearchDocument document : documents) {
            put(document);
            languages.add(document.language());
        }
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND ref_id = :ref AND NOT (language = ANY (CAST(:languages AS text[])))")
                .param("kind", kind.name()).param("ref", refId).param("languages", literal(languages)).update();
    }

    /** Removes the page in all its languages. */
    @Transactional
    public void remove(SearchKind kind, long refId) {
        jdbc.sql("DELETE FROM search_document WHERE kind = :kind AND ref_id = :ref").param("kind", kind.name()).param("ref", refId).update();
    }

    /** Removes every page of this kind but these (ref id to its languages): what is no longer public. */
    @Transactional
    public int retainOnly(SearchKind kind, Map<Long, Set<String>> languagesByRef) {
        List<Long> ids = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        languagesByRef.forEach((id, langs) -> langs.forEach(lang -> {
            ids.add(id);
            languages.add(lang);
        }));
        return jdbc.sql("""
                        DELETE FROM search_document d WHERE d.kind = :kind AND NOT EXISTS (
                            SELECT 1 FROM unnest(CAST(:ids AS bigint[]), CAST(:languages AS text[])) AS k(id, language)
                            WHERE k.id = d.ref_id AND k.language = d.language)""")
                .param("kind", kind.name()).param("ids", literal(ids)).param("languages", literal(languages))
                .update();
    }

    /** Every page of these kinds in the index (for the sitemap), at most {@code limit}. */
    public List<IndexedPage> pages(Set<SearchKind> kinds, int limit) {
        return jdbc.sql("""
                        SELECT kind, ref_id, language, url_path, updated_at FROM search_document
                        WHERE kind = ANY (CAST(:kinds AS text[])) ORDER BY kind, ref_id, language LIMIT :limit""")
                .param("kinds", literal(kinds.stream().map(Enum::name).toList())).param("limit", limit)
                .query((rs, n) -> new IndexedPage(SearchKind.valueOf(rs.getString("kind")), rs.getLong("ref_id"),
                        rs.getString("language"), rs.getString("url_path"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** Where a source that reconciles the index by itself (rather than on each change) got to last time. */
    public Optional<Instant> mark(String source) {
        return jdbc.sql("SELECT indexed_until FROM search_sync_mark WHERE source = :source").param("source", source)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Transactional
    public void setMark(String source, Instant until) {
        jdbc.sql("""
                        INSERT INTO search_sync_mark (source, indexed_until) VALUES (:source, :until)
                        ON CONFLICT (source) DO UPDATE SET indexed_until = EXCLUDED.indexed_until""")
                .param("source", source).param("until", Timestamp.from(until)).update();
    }

    /** Control characters never reach the index: the snippets use two of them as highlight markers. */
    private static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String cleaned = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }

    /** An array literal of ids, language codes or kind names (none of which needs quoting). */
    private static String literal(Collection<?> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }
}
