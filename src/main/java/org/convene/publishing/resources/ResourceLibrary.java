package org.convene.publishing.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.platform.i18n.Languages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public library: published resources found by words in their title or description (in any
 * language), filtered by kind, language, tag and campaign, newest or most downloaded first, a page
 * at a time. Search is a case-insensitive substring match, enough for a library of thousands.
 */
@Service
class ResourceLibrary {

    /** The filters as sent (a plain GET form or the API); unknown values are reported, not ignored. */
    record Filters(String q, String type, String language, String tag, String campaign, String sort, String page) {
    }

    record Page(List<Resource> resources, int number, int pages, long total, Map<String, String> problems) {
        boolean more() {
            return number < pages;
        }
    }

    private final JdbcClient jdbc;

    ResourceLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page find(Filters filters, int pageSize) {
        Map<String, String> problems = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" FROM resource WHERE status = 'PUBLISHED'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (present(filters.q())) {
            String words = filters.q().strip();
            if (words.length() > 200) {
                problems.put("q", "resources.error.q.long");
            }
            params.put("q", "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append("""
                     AND (EXISTS (SELECT 1 FROM jsonb_each_text(title -> 'values') t WHERE t.value ILIKE :q)
                       OR EXISTS (SELECT 1 FROM jsonb_each_text(description -> 'values') d WHERE d.value ILIKE :q))""");
        }
        if (present(filters.type())) {
            try {
                params.put("kind", ResourceKind.valueOf(filters.type().strip().toUpperCase(java.util.Locale.ROOT)).name());
                where.append(" AND kind = :kind");
            } catch (IllegalArgumentException unknown) {
                problems.put("type", "resources.error.type.unknown");
            }
        }
        if (present(filters.language())) {
            if (Languages.isSupported(filters.language().strip())) {
                params.put("language", filters.language().strip());
                where.append(" AND :language = ANY(languages)");
            } else {
                problems.put("language", "resources.error.languages.unknown");
            }
        }
        if (present(filters.tag())) {
            params.put("tag", filters.tag().strip().toLowerCase(java.util.Locale.ROOT));
            where.append(" AND :tag = ANY(tags)");
        }
        if (present(filters.campaign())) {
            if (filters.campaign().strip().matches("\\d{1,18}")) {
                params.put("campaign", Long.parseLong(filters.campaign().strip()));
                where.append(" AND campaign_id = :campaign");
            } else {
                problems.put("campaign", "resources.error.campaign.unknown");
            }
        }
        String order = " ORDER BY published_on DESC, id DESC";
        if (present(filters.sort())) {
            switch (filters.sort().strip()) {
                case "newest" -> { }
                case "downloads" -> order = " ORDER BY downloads DESC, published_on DESC, id DESC";
                default -> problems.put("sort", "resources.error.sort.unknown");
            }
        }
        int number = 1;
        if (present(filters.page())) {
            try {
                number = Integer.parseInt(filters.page().strip());
                if (number < 1 || number > 100_000) {
                    problems.put("page", "resources.error.page.invalid");
                    number = 1;
                }
            } catch (NumberFormatException e) {
                problems.put("page", "resources.error.page.invalid");
            }
        }
        if (!problems.isEmpty()) {
            return new Page(List.of(), 1, 1, 0, problems);
        }
        long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        List<Resource> found = jdbc.sql("SELECT " + Resources.COLUMNS + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageSize).param("offset", (long) (number - 1) * pageSize)
                .query(Resources::map).list();
        return new Page(found, number, pages, total, problems);
    }

    /** Tags of published resources, most used first, for the filter. */
    List<String> tags() {
        return jdbc.sql("""
                        SELECT tag FROM resource, unnest(tags) AS tag WHERE status = 'PUBLISHED'
                        GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 100""")
                .query(String.class).list();
    }

    /** Campaigns that published resources belong to. */
    List<Long> campaignIds() {
        return new ArrayList<>(jdbc.sql("SELECT DISTINCT campaign_id FROM resource WHERE status = 'PUBLISHED' AND campaign_id IS NOT NULL ORDER BY 1 LIMIT 100")
                .query(Long.class).list());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
