package org.convene.directory.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.convene.directory.internal.Records.Organization;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organization table. */
@Repository
public class OrganizationStore {

    /** What the public directory and the API filter by; blank values filter nothing. */
    public record Filter(String query, String country, String region, String language, boolean includeSuspended) {
        public static Filter all() {
            return new Filter("", "", "", "", true);
        }
    }

    private static final String COLUMNS = """
            o.id, o.name, o.short_name, o.slug, o.country, o.region_id, o.languages, o.website, o.social_handles,
            o.description::text AS description, o.logo, o.status, o.joined_on""";

    private final JdbcClient jdbc;

    OrganizationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organization> search(Filter filter) {
        String query = blankToEmpty(filter.query());
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM organization o LEFT JOIN region r ON r.id = o.region_id
                        WHERE (:all OR o.status = 'ACTIVE')
                          AND (:q = '' OR o.name ILIKE :like OR o.short_name ILIKE :like
                               OR EXISTS (SELECT 1 FROM jsonb_each_text(o.description -> 'values') d WHERE d.value ILIKE :like))
                          AND (:country = '' OR o.country = :country)
                          AND (:region = '' OR r.slug = :region)
                          AND (:language = '' OR :language = ANY (o.languages))
                        ORDER BY r.sort_order NULLS LAST, r.id NULLS LAST, lower(o.name)""")
                .param("all", filter.includeSuspended())
                .param("q", query)
                .param("like", "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("country", blankToEmpty(filter.country()).toUpperCase())
                .param("region", blankToEmpty(filter.region()))
                .param("language", blankToEmpty(filter.language()).toLowerCase())
                .query(OrganizationStore::map).list();
    }

    public Optional<Organization> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.id = :id").param("id", id)
                .query(OrganizationStore::map).optional();
    }

    public Optional<Organization> bySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.slug = :slug").param("slug", slug)
                .query(OrganizationStore::map).optional();
    }

    /** The id of the organization with this name (ignoring case), if any. */
    public Optional<Long> idByName(String name) {
        return jdbc.sql("SELECT id FROM organization WHERE lower(name) = lower(:name)").param("name", name.strip())
                .query(Long.class).optional();
    }

    public boolean slugTaken(String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization WHERE slug = :slug)").param("slug", slug)
                .query(Boolean.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM organization").query(Long.class).single();
    }

    /** The countries and languages active organizations have, for the directory's filters. */
    public List<String> countriesInUse() {
        return jdbc.sql("SELECT DISTINCT country FROM organization WHERE status = 'ACTIVE' ORDER BY country").query(String.class).list();
    }

    public List<String> languagesInUse() {
        return jdbc.sql("SELECT DISTINCT unnest(languages) AS l FROM organization WHERE status = 'ACTIVE' ORDER BY l")
                .query(String.class).list();
    }

    public long insert(Organization o) {
        return jdbc.sql("""
                        INSERT INTO organization (name, short_name, slug, country, region_id, languages, website, social_handles,
                                                  description, logo, status, joined_on)
                        VALUES (:name, :shortName, :slug, :country, :region, :languages, :website, :social,
                                :description, :logo, :status, :joined) RETURNING id""")
                .params(params(o)).param("slug", o.slug())
                .query(Long.class).single();
    }

    public void update(Organization o) {
        jdbc.sql("""
                        UPDATE organization SET name = :name, short_name = :shortName, country = :country, region_id = :region,
                               languages = :languages, website = :website, social_handles = :social, description = :description,
                               logo = :logo, status = :status, joined_on = :joined, updated_at = now()
                         WHERE id = :id""")
                .params(params(o)).param("id", o.id())
                .update();
    }

    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE organization SET status = :status, updated_at = now() WHERE id = :id")
                .param("status", status).param("id", id).update();
    }

    private static java.util.Map<String, Object> params(Organization o) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", o.name());
        params.put("shortName", o.shortName());
        params.put("country", o.country());
        params.put("region", o.regionId());
        params.put("languages", o.languages().toArray(String[]::new));
        params.put("website", o.website());
        params.put("social", o.socialHandles());
        params.put("description", TranslatedTextJdbcConversions.jsonb(o.description()));
        params.put("logo", o.logo());
        params.put("status", o.status());
        params.put("joined", o.joinedOn());
        return params;
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        Array languages = rs.getArray("languages");
        return new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("short_name"), rs.getString("slug"),
                rs.getString("country"), (Long) rs.getObject("region_id"),
                languages == null ? List.of() : Arrays.asList((String[]) languages.getArray()),
                rs.getString("website"), rs.getString("social_handles"),
                TranslatedTextJdbcConversions.fromJson(rs.getString("description")), rs.getString("logo"),
                rs.getString("status"), rs.getObject("joined_on", java.time.LocalDate.class));
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
