package org.convene.campaigns.gallery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.accounts.CurrentStaff;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.Campaigns;
import org.convene.directory.MemberDirectory;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Footage moderation, the gallery, the compilation and the report in the REST API. Staff tokens see
 * and moderate what they may moderate on the web; the gallery is public (approved footage only).
 */
@ApiController("/api/v1")
class FootageApiController {

    /** Footage as staff see it. File addresses are relative to the site. */
    record FootageDocument(long id, long campaignId, Long actionId, String kind, String status, boolean featured,
                           String caption, String place, String credit, String flaggedReason, Instant submittedAt,
                           Instant moderatedAt, String fileUrl, String thumbnailUrl, Integer width, Integer height) {

        static FootageDocument of(FootageItem f) {
            return new FootageDocument(f.id(), f.campaignId(), f.actionId(), f.kind(), f.status(), f.featured(), f.caption(),
                    f.place(), f.credit(), f.flaggedReason(), f.submittedAt(), f.moderatedAt(), "/footage/" + f.storedName(),
                    f.thumbnailName() == null ? null : "/footage/" + f.thumbnailName(), f.width(), f.height());
        }
    }

    /** Approved footage as the public gallery shows it. */
    record GalleryItem(long id, Long actionId, String kind, boolean featured, String caption, String place, String credit,
                       Instant submittedAt, String fileUrl, String thumbnailUrl, Integer width, Integer height) {

        static GalleryItem of(FootageItem f) {
            return new GalleryItem(f.id(), f.actionId(), f.kind(), f.featured(), f.caption(), f.place(), f.credit(),
                    f.submittedAt(), "/footage/" + f.storedName(), f.thumbnailName() == null ? null : "/footage/" + f.thumbnailName(),
                    f.width(), f.height());
        }
    }

    record GalleryDocument(List<GalleryItem> items, int page, int pages, long total) {
    }

    /**
     * A moderation decision: approve, reject, feature (also approves), unfeature or edit; caption, credit
     * and place replace the current ones when given. campaignId, when given, must be the footage's campaign.
     */
    record ModerationRequest(String decision, String caption, String credit, String place, Long campaignId) {
    }

    record CountryCount(String country, int count) {
    }

    record RegionCount(Long regionId, String region, int count) {
    }

    record ReportDocument(long campaignId, int actions, int countries, int regions, int footageApproved, int photos, int videos,
                          List<CountryCount> byCountry, List<RegionCount> byRegion, List<GalleryItem> featured) {
    }

    private final Campaigns campaigns;
    private final FootageModeration moderation;
    private final Gallery gallery;
    private final DayOfActionReport report;
    private final Compilation compilation;
    private final MemberDirectory directory;
    private final PlatformProperties platform;

    FootageApiController(Campaigns campaigns, FootageModeration moderation, Gallery gallery, DayOfActionReport report,
                         Compilation compilation, MemberDirectory directory, PlatformProperties platform) {
        this.campaigns = campaigns;
        this.moderation = moderation;
        this.gallery = gallery;
        this.report = report;
        this.compilation = compilation;
        this.directory = directory;
        this.platform = platform;
    }

    @Operation(summary = "A campaign's footage that the caller may moderate (staff token), pending first, oldest first; at most 200",
            description = "Network admins see all footage; staff of a member organization the footage sent for their organization's "
                    + "actions. An unknown status is a 400 problem.")
    @PreAuthorize("@galleryAccess.isStaff()")
    @GetMapping("/campaigns/{id}/footage")
    List<FootageDocument> footage(@PathVariable long id,
                                  @Parameter(description = "PENDING, APPROVED, REJECTED or WITHDRAWN; all when absent")
                                  @RequestParam(required = false) String status) {
        Campaign campaign = campaign(id);
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        return moderation.queue(campaign.id(), wanted, CurrentStaff.required()).stream().map(FootageDocument::of).toList();
    }

    @Operation(summary = "Moderate one piece of footage (staff token)",
            description = "decision: approve, reject (the files are deleted at once; the record stays), feature (also approves), "
                    + "unfeature or edit. An unknown decision, a caption over 500 characters (credit, place: 200) or a campaignId "
                    + "that is not the footage's is a 400 problem; withdrawn or already rejected footage is a 409 problem.")
    @PreAuthorize("@galleryAccess.canModerate(#id)")
    @PostMapping("/footage/{id}/moderation")
    FootageDocument moderate(@PathVariable long id, @RequestBody ModerationRequest request) {
        return FootageDocument.of(moderation.moderate(id, request.campaignId(), request.decision(),
                new FootageModeration.Edits(request.caption(), request.credit(), request.place())));
    }

    @Operation(summary = "A campaign's public gallery: approved footage, featured first then newest, 24 a page",
            description = "A Link header with rel=\"next\" points to the next page. Draft campaigns are not found.")
    @PermitAll
    @GetMapping("/campaigns/{id}/gallery")
    ResponseEntity<GalleryDocument> gallery(@PathVariable long id,
                                            @Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") int page) {
        Campaign campaign = campaign(id);
        if (campaign.status() == org.convene.campaigns.internal.CampaignStatus.DRAFT) {
            throw new NotFoundException("No such campaign");
        }
        Gallery.Page found = gallery.page(campaign.id(), null, page, Gallery.PAGE_SIZE);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (found.hasNext()) {
            response.header("Link", "<" + platform.link("/api/v1/campaigns/" + id + "/gallery?page=" + (found.number() + 1)) + ">; rel=\"next\"");
        }
        return response.body(new GalleryDocument(found.items().stream().map(GalleryItem::of).toList(), found.number(),
                found.pages(), found.total()));
    }

    @Operation(summary = "The day-of-action figures of a campaign (staff token)",
            description = "Published actions (of any visibility), countries, regions (the organizing organization's region), "
                    + "approved footage by kind, and the featured photos.")
    @PreAuthorize("@galleryAccess.isStaff()")
    @GetMapping("/campaigns/{id}/report")
    ReportDocument report(@PathVariable long id) {
        Campaign campaign = campaign(id);
        DayOfActionReport.Figures figures = report.figures(campaign, false);
        Map<Long, String> regions = directory.regions().stream()
                .collect(Collectors.toMap(MemberDirectory.DirectoryRegion::id, r -> r.name().in(r.name().fallback())));
        return new ReportDocument(campaign.id(), figures.actions(), figures.countries(), figures.regions(), figures.footageApproved(),
                figures.photos(), figures.videos(),
                figures.byCountry().stream().map(c -> new CountryCount(c.key(), c.count())).toList(),
                figures.byRegion().stream().map(c -> new RegionCount(c.key(), c.key() == null ? null : regions.get(c.key()), c.count())).toList(),
                figures.featured().stream().map(GalleryItem::of).toList());
    }

    @Operation(summary = "The compilation for the media team (network admin token): a ZIP of the approved originals and manifest.csv",
            description = "Streamed as it is written. manifest.csv columns: file, caption, credit, place, action, organization, "
                    + "country, time (ISO-8601 with the campaign's offset), kind, featured.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/campaigns/{id}/footage/compilation.zip")
    ResponseEntity<StreamingResponseBody> compilation(@PathVariable long id) {
        return FootageModerationController.zip(campaign(id), compilation);
    }

    @ExceptionHandler(FootageModeration.ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(FootageModeration.ConflictException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setTitle("Footage cannot be moderated");
        problem.setProperty("code", conflict.code());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private Campaign campaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("No such campaign"));
    }
}
