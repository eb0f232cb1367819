package org.convene.directory.internal;

import java.util.ArrayList;
import java.util.List;
import org.convene.accounts.AuditLog;
import org.convene.directory.internal.Forms.BodyForm;
import org.convene.directory.internal.Forms.MemberForm;
import org.convene.directory.internal.Forms.NetworkForm;
import org.convene.directory.internal.Forms.ProjectForm;
import org.convene.directory.internal.Forms.RegionForm;
import org.convene.directory.internal.Records.Body;
import org.convene.directory.internal.Records.NetworkProfile;
import org.convene.directory.internal.Records.PartnerProject;
import org.convene.directory.internal.Records.Region;
import org.convene.platform.i18n.TranslatedTextForm;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Changes to the network profile, regions, bodies and partner projects (network admins only). Every change is audited. */
@Service
public class StructureService {

    private final StructureStore store;
    private final OrganizationStore organizations;
    private final OrganizationService organizationService;
    private final AuditLog audit;

    StructureService(StructureStore store, OrganizationStore organizations, OrganizationService organizationService, AuditLog audit) {
        this.store = store;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.audit = audit;
    }

    // ---- network profile

    public List<FieldProblem> problems(NetworkForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.checkWebsite("website", form.getWebsite(), problems);
        Checks.checkDescription("description", form.getDescription(), problems);
        return problems;
    }

    @Transactional
    public void saveNetwork(NetworkForm form, MultipartFile logo) {
        throwIfAny(problems(form));
        String current = store.network().map(NetworkProfile::logo).orElse(null);
        store.saveNetwork(new NetworkProfile(form.getName().strip(), form.getDescription().toText(),
                organizationService.storeLogo(logo, current), Checks.blankToNull(form.getContactEmail()),
                Checks.blankToNull(form.getWebsite()), Checks.blankToNull(form.getSocialHandles())));
        audit.record("directory.network.updated", "network", null, form.getName());
    }

    public static NetworkForm formOf(NetworkProfile p) {
        NetworkForm form = new NetworkForm();
        form.setName(p.name());
        form.setDescription(TranslatedTextForm.of(p.description()));
        form.setContactEmail(p.contactEmail());
        form.setWebsite(p.website());
        form.setSocialHandles(p.socialHandles());
        return form;
    }

    // ---- regions

    public List<FieldProblem> problems(RegionForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getName().toText().isEmpty()) {
            problems.add(new FieldProblem("name", "NotBlank", "This field is required."));
        }
        if (form.getName().longestValue() > 100) {
            problems.add(new FieldProblem("name", "directory.regionName.tooLong", "Each translation may have at most 100 characters."));
        }
        return problems;
    }

    @Transactional
    public long createRegion(RegionForm form) {
        throwIfAny(problems(form));
        var name = form.getName().toText();
        String slug = Checks.slug(name.in("en"), s -> store.slugTaken("region", s));
        long id = store.insertRegion(new Region(0, name, slug, form.getSortOrder(), form.isActive()));
        audit.record("directory.region.created", "region", id, slug);
        return id;
    }

    @Transactional
    public void updateRegion(long id, RegionForm form) {
        Region existing = store.region(id).orElseThrow(() -> new NotFoundException("No such region"));
        throwIfAny(problems(form));
        store.updateRegion(new Region(id, form.getName().toText(), existing.slug(), form.getSortOrder(), form.isActive()));
        audit.record("directory.region.updated", "region", id, existing.slug() + (form.isActive() ? "" : " (inactive)"));
    }

    public static RegionForm formOf(Region r) {
        RegionForm form = new RegionForm();
        form.setName(TranslatedTextForm.of(r.name()));
        form.setSortOrder(r.sortOrder());
        form.setActive(r.active());
        return form;
    }

    // ---- bodies

    public List<FieldProblem> problems(BodyForm form, Long existingId) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.checkDescription("description", form.getDescription(), problems);
        if (form.getName() != null && !form.getName().isBlank()) {
            store.bodyIdByName(form.getName()).filter(id -> !id.equals(existingId))
                    .ifPresent(id -> problems.add(new FieldProblem("name", "directory.name.taken", "This name is already taken.")));
        }
        return problems;
    }

    @Transactional
    public long createBody(BodyForm form) {
        throwIfAny(problems(form, null));
        String slug = Checks.slug(form.getName(), s -> store.slugTaken("body", s));
        long id = unique(() -> store.insertBody(new Body(0, form.getName().strip(), slug, form.getDescription().toText(), form.isActive())));
        audit.record("directory.body.created", "body", id, form.getName());
        return id;
    }

    @Transactional
    public void updateBody(long id, BodyForm form) {
        Body existing = store.body(id).orElseThrow(() -> new NotFoundException("No such body"));
        throwIfAny(problems(form, id));
        unique(() -> {
            store.updateBody(new Body(id, form.getName().strip(), existing.slug(), form.getDescription().toText(), form.isActive()));
            return id;
        });
        audit.record("directory.body.updated", "body", id, form.getName() + (form.isActive() ? "" : " (inactive)"));
    }

    @Transactional
    public void putMember(long bodyId, MemberForm form) {
        Body body = store.body(bodyId).orElseThrow(() -> new NotFoundException("No such body"));
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getOrganizationId() == null || organizations.byId(form.getOrganizationId()).isEmpty()) {
            problems.add(new FieldProblem("organizationId", "directory.organization.invalid", "There is no such organization."));
        }
        if (!Records.BODY_ROLES.contains(form.getRole())) {
            problems.add(new FieldProblem("role", "directory.role.invalid", "Not a role in a body."));
        }
        throwIfAny(problems);
        store.putMember(bodyId, form.getOrganizationId(), form.getRole());
        audit.record("directory.body.member", "body", bodyId, body.name() + ": organization " + form.getOrganizationId() + " " + form.getRole());
    }

    @Transactional
    public void removeMember(long bodyId, long organizationId) {
        Body body = store.body(bodyId).orElseThrow(() -> new NotFoundException("No such body"));
        store.removeMember(bodyId, organizationId);
        audit.record("directory.body.memberRemoved", "body", bodyId, body.name() + ": organization " + organizationId);
    }

    public static BodyForm formOf(Body b) {
        BodyForm form = new BodyForm();
        form.setName(b.name());
        form.setDescription(TranslatedTextForm.of(b.description()));
        form.setActive(b.active());
        return form;
    }

    // ---- partner projects

    public List<FieldProblem> problems(ProjectForm form, Long existingId) {
        List<FieldProblem> problems = new ArrayList<>();
        Checks.checkWebsite("website", form.getWebsite(), problems);
        Checks.checkDescription("description", form.getDescription(), problems);
        for (Long org : form.getOrganizationIds()) {
            if (org == null || organizations.byId(org).isEmpty()) {
                problems.add(new FieldProblem("organizationIds", "directory.organization.invalid", "There is no such organization."));
                break;
            }
        }
        if (form.getName() != null && !form.getName().isBlank()) {
            store.projectIdByName(form.getName()).filter(id -> !id.equals(existingId))
                    .ifPresent(id -> problems.add(new FieldProblem("name", "directory.name.taken", "This name is already taken.")));
        }
        return problems;
    }

    @Transactional
    public long createProject(ProjectForm form) {
        throwIfAny(problems(form, null));
        String slug = Checks.slug(form.getName(), s -> store.slugTaken("partner_project", s));
        long id = unique(() -> store.insertProject(new PartnerProject(0, form.getName().strip(), slug, form.getDescription().toText(),
                Checks.blankToNull(form.getWebsite()), form.isActive(), form.getOrganizationIds())));
        audit.record("directory.project.created", "partner_project", id, form.getName());
        return id;
    }

    @Transactional
    public void updateProject(long id, ProjectForm form) {
        PartnerProject existing = store.project(id).orElseThrow(() -> new NotFoundException("No such partner project"));
        throwIfAny(problems(form, id));
        unique(() -> {
            store.updateProject(new PartnerProject(id, form.getName().strip(), existing.slug(), form.getDescription().toText(),
                    Checks.blankToNull(form.getWebsite()), form.isActive(), form.getOrganizationIds()));
            return id;
        });
        audit.record("directory.project.updated", "partner_project", id, form.getName() + (form.isActive() ? "" : " (inactive)"));
    }

    public static ProjectForm formOf(PartnerProject p) {
        ProjectForm form = new ProjectForm();
        form.setName(p.name());
        form.setDescription(TranslatedTextForm.of(p.description()));
        form.setWebsite(p.website());
        form.setOrganizationIds(new ArrayList<>(p.organizationIds()));
        form.setActive(p.active());
        return form;
    }

    static void throwIfAny(List<FieldProblem> problems) {
        if (problems.stream().anyMatch(p -> p.code().equals("directory.name.taken"))) {
            throw new DuplicateNameException(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static long unique(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException raced) {
            throw DuplicateNameException.of("name");
        }
    }
}
