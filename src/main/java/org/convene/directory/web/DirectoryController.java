package org.convene.directory.web;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.directory.internal.OrganizationStore;
import org.convene.directory.internal.OrganizationStore.Filter;
import org.convene.directory.internal.Records.Body;
import org.convene.directory.internal.Records.BodyMember;
import org.convene.directory.internal.Records.Organization;
import org.convene.directory.internal.Records.PartnerProject;
import org.convene.directory.internal.Records.Region;
import org.convene.directory.internal.StructureStore;
import org.convene.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The public directory: member organizations grouped by region, a profile page per organization, bodies and partner projects. */
@Controller
class DirectoryController {

    /** The organizations of one region (region null: those without one). */
    public record RegionGroup(Region region, List<Organization> organizations) {
    }

    private final OrganizationStore organizations;
    private final StructureStore structure;

    DirectoryController(OrganizationStore organizations, StructureStore structure) {
        this.organizations = organizations;
        this.structure = structure;
    }

    @PermitAll
    @GetMapping("/directory")
    String directory(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String country,
                     @RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "") String language,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        List<Region> regions = structure.regions(false);
        List<Organization> found = organizations.search(new Filter(limit(q), limit(country), limit(region), limit(language), false));
        Map<Long, RegionGroup> groups = new LinkedHashMap<>();
        regions.forEach(r -> groups.put(r.id(), new RegionGroup(r, new ArrayList<>())));
        RegionGroup elsewhere = new RegionGroup(null, new ArrayList<>());
        for (Organization o : found) {
            RegionGroup group = o.regionId() == null ? null : groups.get(o.regionId());
            (group == null ? elsewhere : group).organizations().add(o);
        }
        List<RegionGroup> shown = new ArrayList<>(groups.values().stream().filter(g -> !g.organizations().isEmpty()).toList());
        if (!elsewhere.organizations().isEmpty()) {
            shown.add(elsewhere);
        }
        model.addAttribute("groups", shown);
        model.addAttribute("count", found.size());
        model.addAttribute("q", q);
        model.addAttribute("country", country);
        model.addAttribute("region", region);
        model.addAttribute("language", language);
        model.addAttribute("filtered", !(q.isBlank() && country.isBlank() && region.isBlank() && language.isBlank()));
        if (htmx != null) {
            return "directory/index :: results";
        }
        model.addAttribute("regions", regions);
        model.addAttribute("countries", organizations.countriesInUse());
        model.addAttribute("languages", organizations.languagesInUse());
        model.addAttribute("bodies", structure.bodies(false));
        model.addAttribute("projects", structure.projects(false));
        model.addAttribute("network", structure.network().orElse(null));
        return "directory/index";
    }

    @PermitAll
    @GetMapping("/directory/{slug}")
    String organization(@PathVariable String slug, Model model) {
        Organization organization = organizations.bySlug(slug).filter(Organization::active)
                .orElseThrow(() -> new NotFoundException("No such organization"));
        model.addAttribute("organization", organization);
        model.addAttribute("region", organization.regionId() == null ? null : structure.region(organization.regionId()).orElse(null));
        List<Map.Entry<Body, String>> roles = new ArrayList<>();
        for (Body body : structure.bodies(false)) {
            structure.members(body.id()).stream().filter(m -> m.organizationId() == organization.id()).findFirst()
                    .ifPresent(m -> roles.add(Map.entry(body, m.role())));
        }
        model.addAttribute("bodyRoles", roles);
        model.addAttribute("projects", structure.projects(false).stream()
                .filter(p -> p.organizationIds().contains(organization.id())).toList());
        return "directory/organization";
    }

    @PermitAll
    @GetMapping("/bodies/{slug}")
    String body(@PathVariable String slug, Model model) {
        Body body = structure.bodyBySlug(slug).filter(Body::active).orElseThrow(() -> new NotFoundException("No such body"));
        model.addAttribute("body", body);
        model.addAttribute("members", structure.members(body.id()).stream().filter(BodyMember::organizationActive).toList());
        return "directory/body";
    }

    @PermitAll
    @GetMapping("/partner-projects")
    String projects(Model model) {
        List<PartnerProject> projects = structure.projects(false);
        Map<Long, Organization> active = new LinkedHashMap<>();
        organizations.search(new Filter("", "", "", "", false)).forEach(o -> active.put(o.id(), o));
        model.addAttribute("projects", projects);
        model.addAttribute("organizationsById", active);
        return "directory/projects";
    }

    private static String limit(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }
}
