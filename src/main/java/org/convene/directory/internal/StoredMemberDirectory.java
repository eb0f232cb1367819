package org.convene.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.convene.directory.MemberDirectory;
import org.springframework.stereotype.Component;

/** {@link MemberDirectory} from the directory's stores. */
@Component
class StoredMemberDirectory implements MemberDirectory {

    private final OrganizationStore organizations;
    private final StructureStore structure;

    StoredMemberDirectory(OrganizationStore organizations, StructureStore structure) {
        this.organizations = organizations;
        this.structure = structure;
    }

    @Override
    public List<MemberOrganization> organizations() {
        return organizations.search(new OrganizationStore.Filter(null, null, null, null, false)).stream()
                .map(StoredMemberDirectory::member)
                .sorted(java.util.Comparator.comparing(o -> o.name().toLowerCase()))
                .toList();
    }

    @Override
    public Optional<MemberOrganization> organization(long id) {
        return organizations.byId(id).map(StoredMemberDirectory::member);
    }

    @Override
    public Optional<MemberOrganization> organizationBySlug(String slug) {
        return organizations.bySlug(slug).map(StoredMemberDirectory::member);
    }

    @Override
    public List<DirectoryRegion> regions() {
        return structure.regions(false).stream().map(r -> new DirectoryRegion(r.id(), r.name(), r.slug())).toList();
    }

    @Override
    public List<DirectoryBody> bodies() {
        return structure.bodies(false).stream().map(StoredMemberDirectory::body).toList();
    }

    @Override
    public Optional<DirectoryBody> body(long id) {
        return structure.body(id).map(StoredMemberDirectory::body);
    }

    @Override
    public Optional<DirectoryBody> bodyBySlug(String slug) {
        return structure.bodyBySlug(slug).map(StoredMemberDirectory::body);
    }

    @Override
    public Set<Long> organizationsOf(long bodyId) {
        return structure.members(bodyId).stream().map(Records.BodyMember::organizationId).collect(Collectors.toUnmodifiableSet());
    }

    private static MemberOrganization member(Records.Organization o) {
        return new MemberOrganization(o.id(), o.name(), o.slug(), o.country(), o.regionId());
    }

    private static DirectoryBody body(Records.Body b) {
        return new DirectoryBody(b.id(), b.name(), b.slug());
    }
}
