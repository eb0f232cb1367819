package org.convene.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.convene.accounts.CurrentStaff;
import org.convene.directory.internal.DuplicateNameException;
import org.convene.directory.internal.Forms.BodyForm;
import org.convene.directory.internal.Forms.MemberForm;
import org.convene.directory.internal.Forms.NetworkForm;
import org.convene.directory.internal.Forms.OrganizationForm;
import org.convene.directory.internal.Forms.ProjectForm;
import org.convene.directory.internal.Forms.RegionForm;
import org.convene.directory.internal.OrganizationCsv;
import org.convene.directory.internal.OrganizationService;
import org.convene.directory.internal.OrganizationStore;
import org.convene.directory.internal.Records.Body;
import org.convene.directory.internal.Records.Organization;
import org.convene.directory.internal.StructureService;
import org.convene.directory.internal.StructureStore;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.LinkedHashMap;

/** The directory over REST: read for everyone, write for network admins (and an organization's own staff for its profile). */
@ApiController("/api/v1")
@Tag(name = "Directory", description = "The network, its regions, member organizations, bodies and partner projects")
class DirectoryApi {

    private final OrganizationStore organizations;
    private final OrganizationService organizationService;
    private final StructureStore structure;
    private final StructureService structureService;
    private final OrganizationCsv csv;
    private final Validator validator;
    private final MessageSource messages;

    DirectoryApi(OrganizationStore organizations, OrganizationService organizationService, StructureStore structure,
                 StructureService structureService, OrganizationCsv csv, Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
        this.organizations = organizations;
        this.organizationService = organizationService;
        this.structure = structure;
        this.structureService = structureService;
        this.csv = csv;
    }

    @PermitAll
    @GetMapping("/network")
    @Operation(summary = "The network's profile")
    ApiViews.Network network() {
        return structure.network().map(ApiViews::of).orElseThrow(() -> new NotFoundException("The network profile is not set up yet."));
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PutMapping("/network")
    @Operation(summary = "Update the network's profile (network admins)")
    ApiViews.Network updateNetwork(@RequestBody NetworkForm form) {
        validate(form);
        structureService.saveNetwork(form, null);
        return network();
    }

    @PermitAll
    @GetMapping("/regions")
    @Operation(summary = "The network's active regions")
    List<ApiViews.RegionView> regions() {
        return structure.regions(false).stream().map(ApiViews::of).toList();
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/regions")
    @Operation(summary = "Create a region (network admins)")
    ResponseEntity<ApiViews.RegionView> createRegion(@RequestBody RegionForm form) {
        validate(form);
        long id = structureService.createRegion(form);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiViews.of(structure.region(id).orElseThrow()));
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PutMapping("/regions/{id}")
    @Operation(summary = "Update or deactivate a region (network admins)")
    ApiViews.RegionView updateRegion(@PathVariable long id, @RequestBody RegionForm form) {
        validate(form);
        structureService.updateRegion(id, form);
        return ApiViews.of(structure.region(id).orElseThrow());
    }

    @PermitAll
    @GetMapping("/organizations")
    @Operation(summary = "Active member organizations, filtered by search text, country, region (slug) and working language")
    List<ApiViews.OrganizationView> organizations(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String country,
                                                  @RequestParam(defaultValue = "") String region,
                                                  @RequestParam(defaultValue = "") String language) {
        return organizations.search(new OrganizationStore.Filter(q, country, region, language, false)).stream().map(ApiViews::of).toList();
    }

    @PermitAll
    @GetMapping("/organizations/{id:\\d+}")
    @Operation(summary = "One member organization; suspended ones only for staff who may edit them")
    ApiViews.OrganizationView organization(@PathVariable long id) {
        Organization o = organizations.byId(id)
                .filter(org -> org.active() || CurrentStaff.get().map(s -> s.canEditOrganization(id)).orElse(false))
                .orElseThrow(() -> new NotFoundException("No such organization"));
        return ApiViews.of(o);
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/organizations")
    @Operation(summary = "Create a member organization (network admins)")
    ResponseEntity<ApiViews.OrganizationView> createOrganization(@RequestBody OrganizationForm form) {
        validate(form);
        long id = organizationService.create(form, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiViews.of(organizations.byId(id).orElseThrow()));
    }

    @PreAuthorize("@staffAccess.canEditOrganization(#id)")
    @PutMapping("/organizations/{id:\\d+}")
    @Operation(summary = "Update a member organization (network admins; its own staff, except status, region and date of joining)")
    ApiViews.OrganizationView updateOrganization(@PathVariable long id, @RequestBody OrganizationForm form) {
        validate(form);
        organizationService.update(id, form, null);
        return ApiViews.of(organizations.byId(id).orElseThrow());
    }

    @PreAuthorize("@staffAccess.canEditOrganization(#id)")
    @PutMapping(path = "/organizations/{id:\\d+}/logo", consumes = "multipart/form-data")
    @Operation(summary = "Upload an organization's logo (JPEG, PNG, WebP or GIF; re-encoded without metadata)")
    ApiViews.OrganizationView uploadLogo(@PathVariable long id, @RequestParam("logo") MultipartFile logo) {
        organizationService.setLogo(id, logo);
        return ApiViews.of(organizations.byId(id).orElseThrow());
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/organizations/{id:\\d+}/suspend")
    @Operation(summary = "Suspend a member organization (network admins)")
    ApiViews.OrganizationView suspend(@PathVariable long id) {
        organizationService.setStatus(id, "SUSPENDED");
        return ApiViews.of(organizations.byId(id).orElseThrow());
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/organizations/{id:\\d+}/reactivate")
    @Operation(summary = "Reactivate a suspended member organization (network admins)")
    ApiViews.OrganizationView reactivate(@PathVariable long id) {
        organizationService.setStatus(id, "ACTIVE");
        return ApiViews.of(organizations.byId(id).orElseThrow());
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @GetMapping(path = "/organizations/export", produces = "text/csv")
    @Operation(summary = "All member organizations as CSV (network admins)")
    ResponseEntity<String> export() throws IOException {
        StringWriter out = new StringWriter();
        csv.export(out);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"organizations.csv\"").body(out.toString());
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping(path = "/organizations/import", consumes = "multipart/form-data")
    @Operation(summary = "Import member organizations from CSV, all or nothing (network admins); bad rows answer 400 with each row's problem")
    ResponseEntity<Object> importCsv(@RequestParam("file") MultipartFile file) throws IOException {
        OrganizationCsv.ImportResult result = csv.importFile(file.getInputStream());
        if (!result.clean()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The file has bad rows; nothing was imported.");
            problem.setTitle("Invalid CSV");
            problem.setProperty("rows", result.problems().stream().map(this::describe).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.ok(Map.of("imported", result.imported()));
    }

    /** A bad row for API clients: its line, a stable code, the reason in the caller's language and the offending value. */
    private Map<String, Object> describe(OrganizationCsv.RowProblem problem) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("line", problem.line());
        row.put("code", problem.messageKey());
        row.put("message", messages.getMessage(problem.messageKey(), null, problem.messageKey(), LocaleContextHolder.getLocale()));
        row.put("detail", problem.detail());
        return row;
    }

    @PermitAll
    @GetMapping("/bodies")
    @Operation(summary = "Active bodies with their member organizations and roles")
    List<ApiViews.BodyView> bodies() {
        return structure.bodies(false).stream().map(b -> ApiViews.of(b, structure.members(b.id()))).toList();
    }

    @PermitAll
    @GetMapping("/bodies/{id}")
    @Operation(summary = "One body with its members")
    ApiViews.BodyView body(@PathVariable long id) {
        Body b = structure.body(id).filter(Body::active).orElseThrow(() -> new NotFoundException("No such body"));
        return ApiViews.of(b, structure.members(id));
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/bodies")
    @Operation(summary = "Create a body (network admins)")
    ResponseEntity<ApiViews.BodyView> createBody(@RequestBody BodyForm form) {
        validate(form);
        long id = structureService.createBody(form);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiViews.of(structure.body(id).orElseThrow(), List.of()));
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PutMapping("/bodies/{id}/members")
    @Operation(summary = "Add an organization to a body or change its role (network admins)")
    ApiViews.BodyView putMember(@PathVariable long id, @RequestBody MemberForm form) {
        validate(form);
        structureService.putMember(id, form);
        return ApiViews.of(structure.body(id).orElseThrow(), structure.members(id));
    }

    @PermitAll
    @GetMapping("/partner-projects")
    @Operation(summary = "Active partner projects with their participating organizations")
    List<ApiViews.ProjectView> projects() {
        return structure.projects(false).stream().map(ApiViews::of).toList();
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/partner-projects")
    @Operation(summary = "Create a partner project (network admins)")
    ResponseEntity<ApiViews.ProjectView> createProject(@RequestBody ProjectForm form) {
        validate(form);
        long id = structureService.createProject(form);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiViews.of(structure.project(id).orElseThrow()));
    }

    /**
     * Checks a request body's constraints inside the method, so that callers without the right role
     * hear 401 or 403 before anything about their input.
     */
    private void validate(Object form) {
        var violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new InvalidInputException.FieldProblem(v.getPropertyPath().toString(),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                    .toList());
        }
    }

    @ExceptionHandler(DuplicateNameException.class)
    ResponseEntity<ProblemDetail> duplicate(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A record with this name already exists.");
        problem.setTitle("Conflict");
        problem.setProperty("errors", e.errors().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
