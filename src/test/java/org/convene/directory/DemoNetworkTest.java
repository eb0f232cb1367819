package org.convene.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.convene.accounts.StaffDirectory;
import org.convene.directory.internal.DemoNetwork;
import org.convene.directory.internal.OrganizationStore;
import org.convene.directory.internal.Records.Organization;
import org.convene.directory.internal.StructureStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo switch loads a fictional network into an empty directory once. Runs on a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "convene.database.embedded.data-dir=target/test-postgres-demo", "convene.demo.enabled=true"})
@ActiveProfiles("test")
class DemoNetworkTest {

    @Autowired
    DemoNetwork demo;
    @Autowired
    OrganizationStore organizations;
    @Autowired
    StructureStore structure;
    @Autowired
    StaffDirectory staff;

    @Test
    void loadsAFictionalNetworkOnce() {
        assertThat(structure.network()).hasValueSatisfying(n -> assertThat(n.name()).isEqualTo("Common Ground Network"));
        assertThat(structure.regions(true)).hasSize(6);
        var all = organizations.search(OrganizationStore.Filter.all());
        assertThat(all).hasSize(30);
        Set<String> countries = new HashSet<>();
        Set<String> descriptionLanguages = new HashSet<>();
        for (Organization o : all) {
            countries.add(o.country());
            descriptionLanguages.addAll(o.description().values().keySet());
            assertThat(o.regionId()).isNotNull();
        }
        assertThat(countries.size()).isGreaterThanOrEqualTo(20);
        assertThat(descriptionLanguages).contains("ar", "es", "fr", "pt", "id", "en");
        var committee = structure.bodyBySlug("coordinating-committee").orElseThrow();
        assertThat(structure.members(committee.id())).extracting(m -> m.role()).contains("CHAIR", "VICE_CHAIR", "MEMBER");
        assertThat(structure.projects(true)).singleElement().satisfies(p -> assertThat(p.organizationIds()).hasSize(4));
        assertThat(staff.emailTaken(DemoNetwork.ADMIN_EMAIL)).isTrue();

        assertThat(demo.load()).as("a second start changes nothing").isFalse();
        assertThat(organizations.count()).isEqualTo(30);
    }
}
