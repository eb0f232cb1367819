package org.convene.directory.web;

import java.time.LocalDate;
import java.util.List;
import org.convene.directory.internal.Records;
import org.convene.directory.internal.Records.BodyMember;
import org.convene.platform.i18n.TranslatedText;

/** The JSON shapes of the directory API. */
final class ApiViews {

    private ApiViews() {
    }

    record Network(String name, TranslatedText description, String logoUrl, String contactEmail, String website, List<String> socialHandles) {
    }

    record RegionView(long id, String slug, TranslatedText name, int sortOrder, boolean active) {
    }

    record OrganizationView(long id, String name, String shortName, String slug, String country, Long regionId, List<String> languages,
                            String website, List<String> socialHandles, TranslatedText description, String logoUrl, String status,
                            LocalDate joinedOn) {
    }

    record Member(long organizationId, String organizationName, String role) {
    }

    record BodyView(long id, String name, String slug, TranslatedText description, List<Member> members) {
    }

    record ProjectView(long id, String name, String slug, TranslatedText description, String website, List<Long> organizationIds) {
    }

    private static final DirectoryText TEXT = new DirectoryText();

    static Network of(Records.NetworkProfile p) {
        return new Network(p.name(), p.description(), logo(p.logo()), p.contactEmail(), p.website(), TEXT.lines(p.socialHandles()));
    }

    static RegionView of(Records.Region r) {
        return new RegionView(r.id(), r.slug(), r.name(), r.sortOrder(), r.active());
    }

    static OrganizationView of(Records.Organization o) {
        return new OrganizationView(o.id(), o.name(), o.shortName(), o.slug(), o.country(), o.regionId(), o.languages(), o.website(),
                TEXT.lines(o.socialHandles()), o.description(), logo(o.logo()), o.status(), o.joinedOn());
    }

    static BodyView of(Records.Body b, List<BodyMember> members) {
        return new BodyView(b.id(), b.name(), b.slug(), b.description(),
                members.stream().filter(BodyMember::organizationActive)
                        .map(m -> new Member(m.organizationId(), m.organizationName(), m.role())).toList());
    }

    static ProjectView of(Records.PartnerProject p) {
        return new ProjectView(p.id(), p.name(), p.slug(), p.description(), p.website(), p.organizationIds());
    }

    private static String logo(String name) {
        return name == null ? null : "/media/" + name;
    }
}
