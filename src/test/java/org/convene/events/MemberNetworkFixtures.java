package org.convene.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convene.directory.MemberDirectory;
import org.convene.directory.internal.Forms;
import org.convene.directory.internal.OrganizationService;
import org.convene.directory.internal.StructureService;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextForm;
import org.springframework.stereotype.Component;

/**
 * A small fictional corner of the network for event tests, made through the directory's own
 * services: two regions, an organization in each, a third in the first region, and a body whose
 * members are the first and third organizations (not the second).
 */
@Component
public class MemberNetworkFixtures {

    /** Names end with the tag, so each test has its own. */
    public record Corner(String tag, MemberDirectory.DirectoryRegion north, MemberDirectory.DirectoryRegion south,
                         MemberDirectory.MemberOrganization member, MemberDirectory.MemberOrganization outsider,
                         MemberDirectory.MemberOrganization partner, MemberDirectory.DirectoryBody body) {
    }

    private final StructureService structure;
    private final OrganizationService organizations;
    private final MemberDirectory directory;

    MemberNetworkFixtures(StructureService structure, OrganizationService organizations, MemberDirectory directory) {
        this.structure = structure;
        this.organizations = organizations;
        this.directory = directory;
    }

    public Corner corner() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long north = region("Northern Lakes " + tag, "البحيرات الشمالية " + tag);
        long south = region("Southern Coast " + tag, "الساحل الجنوبي " + tag);
        long member = organization("Lakeside Workers Union " + tag, "FI", north);
        long outsider = organization("Coastal Tenants Forum " + tag, "CL", south);
        long partner = organization("Riverbank Cooperative " + tag, "SE", north);
        Forms.BodyForm bodyForm = new Forms.BodyForm();
        bodyForm.setName("Coordinating Committee " + tag);
        bodyForm.setActive(true);
        long body = structure.createBody(bodyForm);
        for (long organization : List.of(member, partner)) {
            Forms.MemberForm memberForm = new Forms.MemberForm();
            memberForm.setOrganizationId(organization);
            memberForm.setRole("MEMBER");
            structure.putMember(body, memberForm);
        }
        return new Corner(tag, regionById(north), regionById(south), directory.organization(member).orElseThrow(),
                directory.organization(outsider).orElseThrow(), directory.organization(partner).orElseThrow(),
                directory.body(body).orElseThrow());
    }

    private long region(String english, String arabic) {
        Forms.RegionForm form = new Forms.RegionForm();
        form.setName(TranslatedTextForm.of(new TranslatedText("en", Map.of("en", english, "ar", arabic))));
        form.setActive(true);
        return structure.createRegion(form);
    }

    private long organization(String name, String country, long region) {
        Forms.OrganizationForm form = new Forms.OrganizationForm();
        form.setName(name);
        form.setCountry(country);
        form.setRegionId(region);
        form.setLanguages(List.of("en"));
        form.setDescription(TranslatedTextForm.of(TranslatedText.of("en", "A fictional member organization.")));
        return organizations.create(form, null);
    }

    private MemberDirectory.DirectoryRegion regionById(long id) {
        return directory.regions().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }
}
