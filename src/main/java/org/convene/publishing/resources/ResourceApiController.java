package org.convene.publishing.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.campaigns.CampaignDirectory;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The resource library in the REST API: anyone lists and reads published resources; staff with a
 * personal API token create them (multipart with the file, or JSON for a link), change, publish
 * and delete them: network admins all, organization staff their organization's.
 */
@ApiController("/api/v1/resources")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Resources", description = "The resource library: toolkits, dossiers and links")
class ResourceApiController {

    /** What staff send: title and description map language codes to texts; {@code language} is the fallback language. */
    record ResourceRequest(String language, Map<String, String> title, Map<String, String> description, List<String> languages,
                           List<String> tags, Long campaignId, Long organizationId, LocalDate publishedOn, ResourceStatus status,
                           String url) {
    }

    /** A resource as the API shows it; {@code downloadUrl} is the file (or the counted click-through of a link). */
    record ResourceDocument(long id, String slug, String pageUrl, ResourceKind kind, String language, Map<String, String> title,
                            Map<String, String> description, List<String> languages, List<String> tags, Long campaignId,
                            String campaignSlug, Long organizationId, LocalDate publishedOn, ResourceStatus status,
                            String fileType, Long fileSize, String link, String downloadUrl, long downloads) {
    }

    static final int PAGE_SIZE = 50;

    private final Resources resources;
    private final ResourceLibrary library;
    private final DownloadCounter counter;
    private final ResourceAccess access;
    private final CampaignDirectory campaigns;
    private final PlatformProperties platform;
    private final MessageSource messages;

    ResourceApiController(Resources resources, ResourceLibrary library, DownloadCounter counter, ResourceAccess access,
                          CampaignDirectory campaigns, PlatformProperties platform, MessageSource messages) {
        this.resources = resources;
        this.library = library;
        this.counter = counter;
        this.access = access;
        this.campaigns = campaigns;
        this.platform = platform;
        this.messages = messages;
    }

    @Operation(summary = "Published resources, 50 a page",
            description = "Newest first (or most downloaded with sort=downloads). A Link header with rel=\"next\" points to the next "
                    + "page. An unknown filter value is a 400 problem naming the field.")
    @PermitAll
    @GetMapping
    ResponseEntity<List<ResourceDocument>> list(
            @Parameter(description = "Words in the title or description, any language") @RequestParam(required = false) String q,
            @Parameter(description = "DOCUMENT, IMAGE or LINK") @RequestParam(required = false) String type,
            @Parameter(description = "A language code: resources written in that language") @RequestParam(required = false) String language,
            @Parameter(description = "A tag") @RequestParam(required = false) String tag,
            @Parameter(description = "A campaign's id") @RequestParam(required = false) String campaign,
            @Parameter(description = "newest (default) or downloads") @RequestParam(required = false) String sort,
            @Parameter(description = "Page number, from 1") @RequestParam(required = false) String page) {
        ResourceLibrary.Filters filters = new ResourceLibrary.Filters(q, type, language, tag, campaign, sort, page);
        ResourceLibrary.Page found = library.find(filters, PAGE_SIZE);
        if (!found.problems().isEmpty()) {
            List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
            found.problems().forEach((field, code) -> problems.add(new InvalidInputException.FieldProblem(field, code,
                    messages.getMessage(code, null, code, LocaleContextHolder.getLocale()))));
            throw new InvalidInputException(problems);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (found.more()) {
            UriComponentsBuilder next = UriComponentsBuilder.fromUriString(platform.link("/api/v1/resources"));
            Map.of("q", Optional.ofNullable(q), "type", Optional.ofNullable(type), "language", Optional.ofNullable(language),
                    "tag", Optional.ofNullable(tag), "campaign", Optional.ofNullable(campaign), "sort", Optional.ofNullable(sort))
                    .forEach((name, value) -> next.queryParamIfPresent(name, value.filter(v -> !v.isBlank())));
            response.header("Link", "<" + next.queryParam("page", found.number() + 1).encode().build().toUriString() + ">; rel=\"next\"");
        }
        return response.body(found.resources().stream().map(this::document).toList());
    }

    @Operation(summary = "One resource: published ones for anyone, drafts only for staff who may manage them (else 404)")
    @PermitAll
    @GetMapping("/{id:\\d+}")
    ResourceDocument one(@PathVariable long id) {
        return document(resources.find(id).filter(r -> r.isPublished() || access.mayPreview(r))
                .orElseThrow(() -> new NotFoundException("There is no resource with this id.")));
    }

    @Operation(summary = "Creates a resource: JSON for a link, multipart (parts 'resource' and 'file') for a file",
            description = "JSON with an http(s) url. For a file, send multipart/form-data with a part 'resource' (this JSON, "
                    + "without url) and a part 'file'. Checked by content: PDF, office documents (docx, xlsx, pptx, odt, ods, "
                    + "odp), EPUB, plain text and images are accepted; anything else is a 400 problem naming the field 'file'.")
    @PreAuthorize("@resourceAccess.canManage(#request.organizationId())")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResourceDocument> createLink(@RequestBody ResourceRequest request) throws IOException {
        return created(resources.create(draft(request, null)));
    }

    @Operation(summary = "Creates a resource: JSON for a link, multipart (parts 'resource' and 'file') for a file")
    @PreAuthorize("@resourceAccess.canManage(#request.organizationId())")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ResourceDocument> createFile(@RequestPart("resource") ResourceRequest request,
                                                @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        return created(resources.create(draft(request, file)));
    }

    @Operation(summary = "Changes a resource: the whole JSON document as for creating it (the file stays), or multipart with a new file")
    @PreAuthorize("@resourceAccess.canEdit(#id) and @resourceAccess.canManage(#request.organizationId())")
    @PutMapping(path = "/{id:\\d+}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResourceDocument update(@PathVariable long id, @RequestBody ResourceRequest request) throws IOException {
        return document(resources.update(id, draft(request, null)));
    }

    @Operation(summary = "Changes a resource: the whole JSON document as for creating it (the file stays), or multipart with a new file")
    @PreAuthorize("@resourceAccess.canEdit(#id) and @resourceAccess.canManage(#request.organizationId())")
    @PutMapping(path = "/{id:\\d+}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResourceDocument replace(@PathVariable long id, @RequestPart("resource") ResourceRequest request,
                             @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        return document(resources.update(id, draft(request, file)));
    }

    @Operation(summary = "Deletes a resource and its file")
    @PreAuthorize("@resourceAccess.canEdit(#id)")
    @DeleteMapping("/{id:\\d+}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        resources.delete(id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ResourceDocument> created(Resource resource) {
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/resources/" + resource.id()).body(document(resource));
    }

    /** The draft; title or description keys in a language the network does not use are refused, not dropped. */
    private ResourceDraft draft(ResourceRequest request, MultipartFile file) throws IOException {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (var field : Map.of("title", Optional.ofNullable(request.title()), "description", Optional.ofNullable(request.description())).entrySet()) {
            if (field.getValue().map(m -> m.keySet().stream().anyMatch(l -> !Languages.isSupported(l))).orElse(false)) {
                String code = "resources.error.languages.unknown";
                problems.add(new InvalidInputException.FieldProblem(field.getKey(), code,
                        messages.getMessage(code, null, code, LocaleContextHolder.getLocale())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String fallback = Languages.isSupported(request.language()) ? request.language() : Languages.DEFAULT;
        return new ResourceDraft(new TranslatedText(fallback, request.title() == null ? Map.of() : request.title()),
                new TranslatedText(fallback, request.description() == null ? Map.of() : request.description()),
                request.languages(), request.tags(), request.campaignId(), request.organizationId(), request.publishedOn(),
                request.status() == null ? ResourceStatus.DRAFT : request.status(), request.url(),
                file == null ? null : new ResourceDraft.Upload(file.getInputStream(), file.getSize()));
    }

    private ResourceDocument document(Resource r) {
        String campaignSlug = r.campaignId() == null ? null : campaigns.campaign(r.campaignId()).map(CampaignDirectory.CampaignEntry::slug).orElse(null);
        return new ResourceDocument(r.id(), r.slug(), platform.link("/resources/" + r.slug()), r.kind(), r.title().fallback(),
                r.title().values(), r.description().values(), r.languages(), r.tags(), r.campaignId(), campaignSlug,
                r.organizationId(), r.publishedOn(), r.status(), r.fileType(), r.fileSize(), r.url(),
                platform.link(r.isLink() ? "/resources/" + r.id() + "/go" : "/resources/files/" + r.fileName()),
                r.downloads() + counter.pending(r.id()));
    }
}
