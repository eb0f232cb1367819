package org.convene.directory.internal;

import java.util.List;
import java.util.Optional;
import org.convene.directory.internal.Records.Body;
import org.convene.directory.internal.Records.BodyMember;
import org.convene.directory.internal.Records.NetworkProfile;
import org.convene.directory.internal.Records.PartnerProject;
import org.convene.directory.internal.Records.Region;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextJdbcConversions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables around the organizations: the network profile, regions, bodies and partner projects. */
@Repository
public class StructureStore {

    private final JdbcClient jdbc;

    StructureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static TranslatedText text(String json) {
        return TranslatedTextJdbcConversions.fromJson(json);
    }

    // ---- network profile

    public Optional<NetworkProfile> network() {
        return jdbc.sql("SELECT name, description::text AS d, logo, contact_email, website, social_handles FROM network_profile")
                .query((rs, n) -> new NetworkProfile(rs.getString("name"), text(rs.getString("d")), rs.getString("logo"),
                        rs.getString("contact_email"), rs.getString("website"), rs.getString("social_handles")))
                .optional();
    }

    public void saveNetwork(NetworkProfile p) {
        jdbc.sql("""
                        INSERT INTO network_profile (id, name, description, logo, contact_email, website, social_handles)
                        VALUES (TRUE, :name, :d, :logo, :email, :website, :social)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, logo = excluded.logo,
                            contact_email = excluded.contact_email, website = excluded.website,
                            social_handles = excluded.social_handles, updated_at = now()""")
                .param("name", p.name()).param("d", TranslatedTextJdbcConversions.jsonb(p.description()))
                .param("logo", p.logo()).param("email", p.contactEmail()).param("website", p.website())
                .param("social", p.socialHandles())
                .update();
    }

    // ---- regions

    public List<Region> regions(boolean includeInactive) {
        return jdbc.sql("SELECT id, name::text AS n, slug, sort_order, active FROM region WHERE (:all OR active) ORDER BY sort_order, id")
                .param("all", includeInactive)
                .query((rs, n) -> new Region(rs.getLong("id"), text(rs.getString("n")), rs.getString("slug"),
                        rs.getInt("sort_order"), rs.getBoolean("active")))
                .list();
    }

    public Optional<Region> region(long id) {
        return regions(true).stream().filter(r -> r.id() == id).findFirst();
    }

    public Optional<Region> regionBySlug(String slug) {
        return regions(true).stream().filter(r -> r.slug().equals(slug)).findFirst();
    }

    public long insertRegion(Region r) {
        return jdbc.sql("INSERT INTO region (name, slug, sort_order, active) VALUES (:name, :slug, :sort, :active) RETURNING id")
                .param("name", TranslatedTextJdbcConversions.jsonb(r.name())).param("slug", r.slug())
                .param("sort", r.sortOrder()).param("active", r.active())
                .query(Long.class).single();
    }

    public void updateRegion(Region r) {
        jdbc.sql("UPDATE region SET name = :name, sort_order = :sort, active = :active WHERE id = :id")
                .param("name", TranslatedTextJdbcConversions.jsonb(r.name())).param("sort", r.sortOrder())
                .param("active", r.active()).param("id", r.id())
                .update();
    }

    // ---- bodies

    public List<Body> bodies(boolean includeInactive) {
        return jdbc.sql("SELECT id, name, slug, description::text AS d, active FROM body WHERE (:all OR active) ORDER BY lower(name)")
                .param("all", includeInactive)
                .query((rs, n) -> new Body(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), text(rs.getString("d")),
                        rs.getBoolean("active")))
                .list();
    }

    public Optional<Body> body(long id) {
        return bodies(true).stream().filter(b -> b.id() == id).findFirst();
    }

    public Optional<Body> bodyBySlug(String slug) {
        return bodies(true).stream().filter(b -> b.slug().equals(slug)).findFirst();
    }

    public Optional<Long> bodyIdByName(String name) {
        return jdbc.sql("SELECT id FROM body WHERE lower(name) = lower(:name)").param("name", name.strip()).query(Long.class).optional();
    }

    public long insertBody(Body b) {
        return jdbc.sql("INSERT INTO body (name, slug, description, active) VALUES (:name, :slug, :d, :active) RETURNING id")
                .param("name", b.name()).param("slug", b.slug()).param("d", TranslatedTextJdbcConversions.jsonb(b.description()))
                .param("active", b.active())
                .query(Long.class).single();
    }

    public void updateBody(Body b) {
        jdbc.sql("UPDATE body SET name = :name, description = :d, active = :active WHERE id = :id")
                .param("name", b.name()).param("d", TranslatedTextJdbcConversions.jsonb(b.description()))
                .param("active", b.active()).param("id", b.id())
                .update();
    }

    public List<BodyMember> members(long bodyId) {
        return jdbc.sql("""
                        SELECT o.id, o.name, o.slug, m.role, o.status = 'ACTIVE' AS active
                          FROM body_member m JOIN organization o ON o.id = m.organization_id
                         WHERE m.body_id = :body
                         ORDER BY array_position(ARRAY['CHAIR','VICE_CHAIR','SECRETARY','TREASURER','MEMBER','OBSERVER'], m.role), lower(o.name)""")
                .param("body", bodyId)
                .query((rs, n) -> new BodyMember(rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("role"),
                        rs.getBoolean("active")))
                .list();
    }

    public void putMember(long bodyId, long organizationId, String role) {
        jdbc.sql("""
                        INSERT INTO body_member (body_id, organization_id, role) VALUES (:body, :org, :role)
                        ON CONFLICT (body_id, organization_id) DO UPDATE SET role = excluded.role""")
                .param("body", bodyId).param("org", organizationId).param("role", role)
                .update();
    }

    public void removeMember(long bodyId, long organizationId) {
        jdbc.sql("DELETE FROM body_member WHERE body_id = :body AND organization_id = :org")
                .param("body", bodyId).param("org", organizationId).update();
    }

    // ---- partner projects

    public List<PartnerProject> projects(boolean includeInactive) {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.slug, p.description::text AS d, p.website, p.active,
                               coalesce((SELECT array_agg(organization_id ORDER BY organization_id)
                                           FROM partner_project_organization WHERE project_id = p.id), '{}') AS orgs
                          FROM partner_project p WHERE (:all OR p.active) ORDER BY lower(p.name)""")
                .param("all", includeInactive)
                .query((rs, n) -> new PartnerProject(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                        text(rs.getString("d")), rs.getString("website"), rs.getBoolean("active"),
                        List.of((Long[]) rs.getArray("orgs").getArray())))
                .list();
    }

    public Optional<PartnerProject> project(long id) {
        return projects(true).stream().filter(p -> p.id() == id).findFirst();
    }

    public Optional<Long> projectIdByName(String name) {
        return jdbc.sql("SELECT id FROM partner_project WHERE lower(name) = lower(:name)").param("name", name.strip())
                .query(Long.class).optional();
    }

    public long insertProject(PartnerProject p) {
        long id = jdbc.sql("""
                        INSERT INTO partner_project (name, slug, description, website, active)
                        VALUES (:name, :slug, :d, :website, :active) RETURNING id""")
                .param("name", p.name()).param("slug", p.slug()).param("d", TranslatedTextJdbcConversions.jsonb(p.description()))
                .param("website", p.website()).param("active", p.active())
                .query(Long.class).single();
        setProjectOrganizations(id, p.organizationIds());
        return id;
    }

    public void updateProject(PartnerProject p) {
        jdbc.sql("UPDATE partner_project SET name = :name, description = :d, website = :website, active = :active WHERE id = :id")
                .param("name", p.name()).param("d", TranslatedTextJdbcConversions.jsonb(p.description()))
                .param("website", p.website()).param("active", p.active()).param("id", p.id())
                .update();
        setProjectOrganizations(p.id(), p.organizationIds());
    }

    private void setProjectOrganizations(long projectId, List<Long> organizationIds) {
        jdbc.sql("DELETE FROM partner_project_organization WHERE project_id = :p").param("p", projectId).update();
        for (Long org : organizationIds) {
            jdbc.sql("INSERT INTO partner_project_organization (project_id, organization_id) VALUES (:p, :o) ON CONFLICT DO NOTHING")
                    .param("p", projectId).param("o", org).update();
        }
    }

    public boolean slugTaken(String table, String slug) {
        if (!List.of("region", "body", "partner_project", "organization").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE slug = :slug)").param("slug", slug)
                .query(Boolean.class).single();
    }
}
