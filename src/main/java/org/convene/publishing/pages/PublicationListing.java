package org.convene.publishing.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;
import org.convene.platform.text.RichText;
import org.convene.publishing.internal.NewsCategory;
import org.convene.publishing.internal.PublicationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The public lists of statements and news posts: teasers, filters and pages. */
@Component
class PublicationListing {

    static final int PAGE_SIZE = 12;

    /** The filters as given; unknown values are ignored (a list, not an error page). */
    record Filters(String category, String region, String country, String language, int page) {
        Filters {
            category = NewsCategory.isOne(category) ? category : null;
            region = region == null || region.isBlank() ? null : region;
            country = country != null && country.strip().matches("[A-Za-z]{2}") ? country.strip().toUpperCase(java.util.Locale.ROOT) : null;
            language = Languages.isSupported(language) ? language : null;
            page = Math.max(1, page);
        }
    }

    record Teaser(String slug, String language, String dir, String title, String summary, LocalDate dated, String coverImage,
                  String category, String regionName, String country) {
    }

    record Page(List<Teaser> teasers, int number, boolean more) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory directory;

    PublicationListing(JdbcClient jdbc, MemberDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Public publications of a kind, the latest date first, each in the reader's language when published in it. */
    Page find(PublicationKind kind, Filters filters, String readerLanguage) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.slug, p.dated, p.cover_image, p.category, p.region_id, p.country, t.language, t.title, t.summary, t.body
                FROM publication p
                JOIN LATERAL (
                    SELECT * FROM publication_translation t
                    WHERE t.publication_id = p.id AND t.status = 'PUBLISHED'
                    ORDER BY (t.language = :wanted) DESC, (t.language = p.original_language) DESC, t.language
                    LIMIT 1) t ON true
                WHERE p.kind = :kind AND p.status = 'PUBLISHED' AND (p.publish_at IS NULL OR p.publish_at <= now())
                """);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", kind.name());
        params.put("wanted", filters.language() != null ? filters.language() : readerLanguage);
        if (filters.category() != null) {
            sql.append(" AND p.category = :category");
            params.put("category", filters.category());
        }
        if (filters.region() != null) {
            Long region = directory.regions().stream().filter(r -> filters.region().equals(r.slug())).findFirst()
                    .map(MemberDirectory.DirectoryRegion::id).orElse(-1L);
            sql.append(" AND p.region_id = :region");
            params.put("region", region);
        }
        if (filters.country() != null) {
            sql.append(" AND p.country = :country");
            params.put("country", filters.country());
        }
        if (filters.language() != null) {
            sql.append(" AND t.language = :language");
            params.put("language", filters.language());
        }
        sql.append(" ORDER BY p.dated DESC, p.id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", PAGE_SIZE + 1);
        params.put("offset", (filters.page() - 1) * PAGE_SIZE);
        Map<Long, String> regions = new LinkedHashMap<>();
        List<Teaser> teasers = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String language = rs.getString("language");
            Long regionId = rs.getObject("region_id", Long.class);
            String summary = rs.getString("summary");
            if (summary == null || summary.isBlank()) {
                summary = PublicationPages.abbreviate(RichText.toPlainText(rs.getString("body")), 240);
            }
            return new Teaser(rs.getString("slug"), language, PublicationPages.dir(language), rs.getString("title"), summary,
                    rs.getObject("dated", LocalDate.class), rs.getString("cover_image"), rs.getString("category"),
                    regionId == null ? null : regionName(regionId, readerLanguage, regions), rs.getString("country"));
        }).list());
        boolean more = teasers.size() > PAGE_SIZE;
        return new Page(more ? teasers.subList(0, PAGE_SIZE) : teasers, filters.page(), more);
    }

    private String regionName(long id, String language, Map<Long, String> cache) {
        return cache.computeIfAbsent(id, key -> directory.regions().stream().filter(r -> r.id() == key).findFirst()
                .map(r -> r.name().in(language)).orElse(null));
    }
}
