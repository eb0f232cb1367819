package org.convene.directory.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.convene.accounts.AuditLog;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.directory.internal.Forms.OrganizationForm;
import org.convene.directory.internal.Records.Organization;
import org.convene.media.Images;
import org.convene.media.RefusedImageException;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.convene.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Creates and changes member organizations. Network admins change everything; an organization's own
 * staff change its profile but not its status, region or date of joining. Every change is audited.
 */
@Service
public class OrganizationService {

    private final OrganizationStore organizations;
    private final StructureStore structure;
    private final Images images;
    private final AuditLog audit;
    private final OrganizationSearch search;

    OrganizationService(OrganizationStore organizations, StructureStore structure, Images images, AuditLog audit,
                        OrganizationSearch search) {
        this.search = search;
        this.organizations = organizations;
        this.structure = structure;
        this.images = images;
        this.audit = audit;
    }

    /** What is wrong with the form beyond its bean-validation constraints (codes, region, duplicates). */
    public List<FieldProblem> problems(OrganizationForm form, Long existingId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.getCountry() != null && !form.getCountry().isBlank() && !Checks.isCountry(form.getCountry().strip().toUpperCase())) {
            problems.add(new FieldProblem("country", "directory.country.invalid", "Not an ISO 3166-1 alpha-2 country code."));
        }
        for (String language : form.getLanguages()) {
            if (!Checks.isLanguage(language == null ? null : language.strip().toLowerCase())) {
                problems.add(new FieldProblem("languages", "directory.language.invalid", "Not an ISO 639-1 language code: " + language));
                break;
            }
        }
        if (form.getLanguages().size() > 20) {
            problems.add(new FieldProblem("languages", "directory.languages.tooMany", "At most 20 working languages."));
        }
        if (form.getRegionId() != null && structure.region(form.getRegionId()).isEmpty()) {
            problems.add(new FieldProblem("regionId", "directory.region.invalid", "There is no such region."));
        }
        if (form.getStatus() != null && !List.of("ACTIVE", "SUSPENDED").contains(form.getStatus())) {
            problems.add(new FieldProblem("status", "directory.status.invalid", "The status is ACTIVE or SUSPENDED."));
        }
        Checks.checkWebsite("website", form.getWebsite(), problems);
        Checks.checkDescription("description", form.getDescription(), problems);
        if (form.getName() != null && !form.getName().isBlank()) {
            organizations.idByName(form.getName()).filter(id -> !id.equals(existingId))
                    .ifPresent(id -> problems.add(new FieldProblem("name", "directory.name.taken", "This name is already taken.")));
        }
        return problems;
    }

    @Transactional
    public long create(OrganizationForm form, MultipartFile logo) {
        requireValid(form, null);
        Organization draft = toRecord(0, form, null, storeLogo(logo, null));
        String slug = Checks.slug(draft.name(), organizations::slugTaken);
        long id = save(() -> organizations.insert(withSlug(draft, slug)));
        audit.record("directory.organization.created", "organization", id, draft.name());
        search.changed(id);
        return id;
    }

    @Transactional
    public void update(long id, OrganizationForm form, MultipartFile logo) {
        Organization existing = organizations.byId(id).orElseThrow(() -> new NotFoundException("No such organization"));
        requireValid(form, id);
        StaffMember staff = CurrentStaff.required();
        Organization changed = toRecord(id, form, existing, storeLogo(logo, existing.logo()));
        if (!staff.isNetworkAdmin()) {
            changed = new Organization(id, changed.name(), changed.shortName(), existing.slug(), changed.country(), existing.regionId(),
                    changed.languages(), changed.website(), changed.socialHandles(), changed.description(), changed.logo(),
                    existing.status(), existing.joinedOn());
        }
        Organization toSave = changed;
        save(() -> {
            organizations.update(toSave);
            return id;
        });
        audit.record("directory.organization.updated", "organization", id, toSave.name());
        search.changed(id);
    }

    @Transactional
    public void setStatus(long id, String status) {
        Organization existing = organizations.byId(id).orElseThrow(() -> new NotFoundException("No such organization"));
        if (!List.of("ACTIVE", "SUSPENDED").contains(status)) {
            throw new InvalidInputException("status", "directory.status.invalid", "The status is ACTIVE or SUSPENDED.");
        }
        organizations.setStatus(id, status);
        search.changed(id);
        audit.record(status.equals("ACTIVE") ? "directory.organization.reactivated" : "directory.organization.suspended",
                "organization", id, existing.name());
    }

    @Transactional
    public void setLogo(long id, MultipartFile logo) {
        Organization existing = organizations.byId(id).orElseThrow(() -> new NotFoundException("No such organization"));
        String stored = storeLogo(logo, existing.logo());
        organizations.update(new Organization(id, existing.name(), existing.shortName(), existing.slug(), existing.country(),
                existing.regionId(), existing.languages(), existing.website(), existing.socialHandles(), existing.description(),
                stored, existing.status(), existing.joinedOn()));
        audit.record("directory.organization.logo", "organization", id, stored);
    }

    /** Stores an uploaded logo, or keeps the current one when nothing was uploaded. */
    public String storeLogo(MultipartFile logo, String current) {
        if (logo == null || logo.isEmpty()) {
            return current;
        }
        try {
            return images.storeLogo(logo.getInputStream(), logo.getSize());
        } catch (RefusedImageException refused) {
            throw new InvalidInputException("logo", refused.messageKey(), refused.getMessage());
        } catch (IOException unreadable) {
            throw new InvalidInputException("logo", "media.notAnImage", "The upload could not be read.");
        }
    }

    private void requireValid(OrganizationForm form, Long existingId) {
        List<FieldProblem> problems = problems(form, existingId);
        if (problems.stream().anyMatch(p -> p.code().equals("directory.name.taken"))) {
            throw new DuplicateNameException(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static long save(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException raced) {
            throw DuplicateNameException.of("name");
        }
    }

    private static Organization withSlug(Organization o, String slug) {
        return new Organization(o.id(), o.name(), o.shortName(), slug, o.country(), o.regionId(), o.languages(), o.website(),
                o.socialHandles(), o.description(), o.logo(), o.status(), o.joinedOn());
    }

    static Organization toRecord(long id, OrganizationForm form, Organization existing, String logo) {
        List<String> languages = new ArrayList<>(new LinkedHashSet<>(form.getLanguages().stream()
                .filter(l -> l != null && !l.isBlank()).map(l -> l.strip().toLowerCase()).toList()));
        LocalDate joined = form.getJoinedOn() != null ? form.getJoinedOn() : existing != null ? existing.joinedOn() : LocalDate.now();
        return new Organization(id, form.getName().strip(), Checks.blankToNull(form.getShortName()),
                existing == null ? null : existing.slug(), form.getCountry().strip().toUpperCase(), form.getRegionId(), languages,
                Checks.blankToNull(form.getWebsite()), Checks.blankToNull(form.getSocialHandles()), form.getDescription().toText(),
                logo, form.getStatus() != null ? form.getStatus() : existing != null ? existing.status() : "ACTIVE", joined);
    }

    /** A form filled with an organization's current values, for its edit page. */
    public static OrganizationForm formOf(Organization o) {
        OrganizationForm form = new OrganizationForm();
        form.setName(o.name());
        form.setShortName(o.shortName());
        form.setCountry(o.country());
        form.setRegionId(o.regionId());
        form.setLanguages(new ArrayList<>(o.languages()));
        form.setWebsite(o.website());
        form.setSocialHandles(o.socialHandles());
        form.setDescription(org.convene.platform.i18n.TranslatedTextForm.of(o.description()));
        form.setStatus(o.status());
        form.setJoinedOn(o.joinedOn());
        return form;
    }
}
