package org.convene.publishing.editing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.platform.PlatformProperties;
import org.convene.platform.text.RichText;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationDraft;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Publications;
import org.convene.publishing.internal.Signatory;
import org.convene.publishing.internal.Translation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Statements and news posts in the REST API. Anyone reads what is public (published languages
 * only); staff with a personal API token write: network admins anything, organization staff news
 * posts of their own organization.
 */
@ApiController("/api/v1")
class PublicationApiController {

    static final int PAGE_SIZE = 50;

    /** A statement or news post. {@code translations} lists the languages the caller may read. */
    record PublicationDocument(long id, PublicationKind kind, String slug, String url, String originalLanguage,
                               PublicationStatus status, Instant publishAt, Instant publishedAt, LocalDate dated, List<String> tags,
                               List<Long> organizationIds, Long campaignId, Long eventId, String category, Long regionId,
                               String country, List<Signatory> signatories, String coverImageUrl,
                               List<TranslationDocument> translations) {
    }

    /** One language's text; {@code bodyHtml} is the body rendered and sanitized. */
    record TranslationDocument(String language, String title, String summary, String body, String bodyHtml,
                               PublicationStatus status, String translator, Instant updatedAt) {
    }

    /** A new publication: its original text and details. {@code status} PUBLISHED with {@code publishAt} in the future schedules it. */
    record CreateRequest(String language, String title, String summary, String body, LocalDate dated, List<String> tags,
                         List<Long> organizationIds, Long campaignId, Long eventId, String category, Long regionId, String country,
                         List<Signatory> signatories, PublicationStatus status, Instant publishAt) {
        PublicationEditing.Details details(PublicationKind kind) {
            return new PublicationEditing.Details(dated, tags, organizationIds, campaignId, eventId,
                    kind == PublicationKind.NEWS ? category : null, kind == PublicationKind.NEWS ? regionId : null,
                    kind == PublicationKind.NEWS ? country : null, signatories);
        }
    }

    /** Changes the details (not the texts): the whole set, as when creating. */
    record DetailsRequest(LocalDate dated, List<String> tags, List<Long> organizationIds, Long campaignId, Long eventId,
                          String category, Long regionId, String country, List<Signatory> signatories) {
        PublicationEditing.Details details() {
            return new PublicationEditing.Details(dated, tags, organizationIds, campaignId, eventId, category, regionId, country,
                    signatories);
        }
    }

    /** One language's text; a new translation starts as a draft unless {@code status} says otherwise. */
    record TranslationRequest(String title, String summary, String body, String translator, PublicationStatus status) {
    }

    /** The workflow: the publication's status (with {@code language}: that translation's status). */
    record StatusRequest(PublicationStatus status, Instant publishAt, String language) {
    }

    private final PublicationEditing editing;
    private final Publications publications;
    private final PlatformProperties platform;

    PublicationApiController(PublicationEditing editing, Publications publications, PlatformProperties platform) {
        this.editing = editing;
        this.publications = publications;
        this.platform = platform;
    }

    @Operation(summary = "Published statements, the latest first, 50 a page (published languages only)")
    @PermitAll
    @GetMapping("/statements")
    List<PublicationDocument> statements(@Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") int page) {
        return list(PublicationKind.STATEMENT, page);
    }

    @Operation(summary = "Published news posts, the latest first, 50 a page (published languages only)")
    @PermitAll
    @GetMapping("/news")
    List<PublicationDocument> news(@Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") int page) {
        return list(PublicationKind.NEWS, page);
    }

    @Operation(summary = "One statement: public ones for anyone; drafts and unpublished languages only for staff who may edit it")
    @PermitAll
    @GetMapping("/statements/{id}")
    PublicationDocument statement(@PathVariable long id) {
        return one(PublicationKind.STATEMENT, id);
    }

    @Operation(summary = "One news post: public ones for anyone; drafts and unpublished languages only for staff who may edit it")
    @PermitAll
    @GetMapping("/news/{id}")
    PublicationDocument newsPost(@PathVariable long id) {
        return one(PublicationKind.NEWS, id);
    }

    @Operation(summary = "Writes a statement (network admins)")
    @PreAuthorize("@publicationAccess.canWrite(T(org.convene.publishing.internal.PublicationKind).STATEMENT, #request.organizationIds())")
    @PostMapping("/statements")
    ResponseEntity<PublicationDocument> createStatement(@RequestBody CreateRequest request) {
        return create(PublicationKind.STATEMENT, request);
    }

    @Operation(summary = "Writes a news post (network admins; organization staff with their organization as the only author)")
    @PreAuthorize("@publicationAccess.canWrite(T(org.convene.publishing.internal.PublicationKind).NEWS, #request.organizationIds())")
    @PostMapping("/news")
    ResponseEntity<PublicationDocument> createNews(@RequestBody CreateRequest request) {
        return create(PublicationKind.NEWS, request);
    }

    @Operation(summary = "Changes a statement's details (not its texts)")
    @PreAuthorize("@publicationAccess.canEdit(#id, #request.organizationIds())")
    @PutMapping("/statements/{id}")
    PublicationDocument updateStatement(@PathVariable long id, @RequestBody DetailsRequest request) {
        return update(PublicationKind.STATEMENT, id, request);
    }

    @Operation(summary = "Changes a news post's details (not its texts)")
    @PreAuthorize("@publicationAccess.canEdit(#id, #request.organizationIds())")
    @PutMapping("/news/{id}")
    PublicationDocument updateNews(@PathVariable long id, @RequestBody DetailsRequest request) {
        return update(PublicationKind.NEWS, id, request);
    }

    @Operation(summary = "Adds or changes one language's text (each save is kept as a revision)",
            description = "A language the network does not use is a 400 problem naming the field language.")
    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PutMapping("/publications/{id}/translations/{language}")
    TranslationDocument translation(@PathVariable long id, @PathVariable String language, @RequestBody TranslationRequest request) {
        existing(id);
        Translation saved = editing.saveTranslation(id, language,
                new PublicationEditing.Text(request.title(), request.summary(), request.body(), request.translator()), author());
        if (request.status() != null) {
            saved = editing.setTranslationStatus(id, language, request.status());
        }
        return document(saved);
    }

    @Operation(summary = "Moves a publication (or, with language, one translation) through the workflow",
            description = "PUBLISHED with publishAt in the future schedules it; a publishAt already past is a 400 problem.")
    @PreAuthorize("@publicationAccess.canEdit(#id)")
    @PostMapping("/publications/{id}/status")
    PublicationDocument status(@PathVariable long id, @RequestBody StatusRequest request) {
        Publication p = existing(id);
        if (request.language() != null) {
            editing.setTranslationStatus(id, request.language(), request.status());
        } else {
            editing.setStatus(id, request.status(), request.publishAt());
        }
        return document(publications.find(p.id()).orElseThrow(), true);
    }

    private ResponseEntity<PublicationDocument> create(PublicationKind kind, CreateRequest r) {
        if (r == null) {
            throw new InvalidInputException("title", "publishing.error.title-required", "A title is required.");
        }
        PublicationDraft draft = new PublicationDraft(kind, r.language(), r.title(), r.summary(), r.body(),
                r.dated() == null ? LocalDate.now() : r.dated(), r.status() == null ? PublicationStatus.DRAFT : r.status(),
                r.publishAt(), r.tags(), r.organizationIds());
        Publication created = editing.create(draft, r.details(kind), author());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/" + path(kind) + "/" + created.id())
                .body(document(created, true));
    }

    private PublicationDocument update(PublicationKind kind, long id, DetailsRequest request) {
        Publication p = existing(id);
        if (p.kind() != kind) {
            throw new NotFoundException("There is no " + path(kind) + " publication with this id.");
        }
        return document(editing.updateDetails(id, request.details()), true);
    }

    private List<PublicationDocument> list(PublicationKind kind, int page) {
        int number = Math.max(1, Math.min(page, 10_000));
        return publications.publicIds(kind, PAGE_SIZE, (number - 1) * PAGE_SIZE).stream()
                .map(publications::find).flatMap(java.util.Optional::stream).map(p -> document(p, false)).toList();
    }

    private PublicationDocument one(PublicationKind kind, long id) {
        Publication p = publications.find(id).filter(found -> found.kind() == kind)
                .orElseThrow(() -> new NotFoundException("There is no such " + path(kind) + " publication."));
        boolean staff = CurrentStaff.get().map(s -> PublicationAccess.mayWrite(s, p)).orElse(false);
        if (!staff && !p.isPublic(Instant.now())) {
            throw new NotFoundException("There is no such " + path(kind) + " publication.");
        }
        return document(p, staff);
    }

    private Publication existing(long id) {
        return publications.find(id).orElseThrow(() -> new NotFoundException("There is no publication with this id."));
    }

    private PublicationDocument document(Publication p, boolean everything) {
        List<TranslationDocument> translations = publications.translations(p.id()).stream()
                .filter(t -> everything || t.isPublished()).map(PublicationApiController::document).toList();
        return new PublicationDocument(p.id(), p.kind(), p.slug(), platform.link("/" + path(p.kind()) + "/" + p.slug()),
                p.originalLanguage(), p.status(), p.publishAt(), p.publishedAt(), p.dated(), p.tags(), p.organizationIds(),
                p.campaignId(), p.eventId(), p.category(), p.regionId(), p.country(), publications.signatories(p.id()),
                p.coverImage() == null ? null : platform.link("/media/" + p.coverImage()), translations);
    }

    private static TranslationDocument document(Translation t) {
        return new TranslationDocument(t.language(), t.title(), t.summary(), t.body(), RichText.toHtml(t.body()), t.status(),
                t.translator(), t.updatedAt());
    }

    private static String path(PublicationKind kind) {
        return kind == PublicationKind.STATEMENT ? "statements" : "news";
    }

    private static String author() {
        return CurrentStaff.get().map(StaffMember::displayName).orElse("API");
    }
}
