package org.convene.campaigns.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.convene.accounts.StaffAccess;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignDraft;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.media.RefusedImageException;
import org.convene.platform.PlatformProperties;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Campaigns in the REST API: anyone reads open and closed campaigns; network admins (with a personal
 * API token) also see drafts, create and change campaigns, and upload the cover and toolkit files.
 */
@ApiController("/api/v1/campaigns")
class CampaignApiController {

    /**
     * A campaign as the API shows and accepts it. Translated texts map language codes to texts;
     * {@code language} is the fallback language. The call, background and guidance are Markdown.
     */
    record CampaignDocument(Long id, String slug, String url, String language, Map<String, String> title, Map<String, String> call,
                            Map<String, String> background, LocalDate firstDay, LocalDate lastDay, String timeZone,
                            CampaignStatus status, List<Map<String, String>> slogans, List<ActionTypeDocument> actionTypes,
                            List<String> hashtags, List<String> socialHandles, String contactEmail, String coverImageUrl) {

        CampaignDraft toDraft() {
            String fallback = Languages.isSupported(language) ? language : Languages.DEFAULT;
            return new CampaignDraft(text(fallback, title), text(fallback, call), firstDay, lastDay, timeZone,
                    status == null ? CampaignStatus.DRAFT : status, text(fallback, background),
                    slogans == null ? List.of() : slogans.stream().map(s -> text(fallback, s)).toList(),
                    actionTypes == null ? List.of() : actionTypes.stream().filter(java.util.Objects::nonNull)
                            .map(a -> a.toSuggestion(fallback)).toList(),
                    hashtags, socialHandles, contactEmail);
        }
    }

    /** A suggested action type: guidance (Markdown) per language, links (title and http(s) address); files are read-only here. */
    record ActionTypeDocument(ActionType type, Map<String, String> guidance, List<LinkDocument> links, List<FileDocument> files) {

        Campaign.SuggestedAction toSuggestion(String fallback) {
            return new Campaign.SuggestedAction(type, text(fallback, guidance), links == null ? List.of()
                    : links.stream().filter(java.util.Objects::nonNull).map(l -> new Campaign.ToolkitLink(l.title(), l.url())).toList());
        }
    }

    record LinkDocument(String title, String url) {
    }

    record FileDocument(Long id, String title, String url, String contentType, long byteSize) {
    }

    private final Campaigns campaigns;
    private final ToolkitFiles toolkit;
    private final CampaignCovers covers;
    private final StaffAccess staffAccess;
    private final PlatformProperties platform;

    CampaignApiController(Campaigns campaigns, ToolkitFiles toolkit, CampaignCovers covers, StaffAccess staffAccess,
                          PlatformProperties platform) {
        this.campaigns = campaigns;
        this.toolkit = toolkit;
        this.covers = covers;
        this.staffAccess = staffAccess;
        this.platform = platform;
    }

    @Operation(summary = "Campaigns, the latest day of action first",
            description = "Open and closed campaigns for anyone; with a network admin's token, drafts as well.")
    @PermitAll
    @GetMapping
    List<CampaignDocument> list() {
        return campaigns.list(staffAccess.isNetworkAdmin()).stream().map(this::document).toList();
    }

    @Operation(summary = "One campaign (a draft only for a network admin's token; else 404)")
    @PermitAll
    @GetMapping("/{id}")
    CampaignDocument one(@PathVariable long id) {
        return document(campaign(id, staffAccess.isNetworkAdmin()));
    }

    @Operation(summary = "Creates a campaign (network admins)",
            description = "Refused input is a 400 problem listing each field: a missing title, the last day before the first, an "
                    + "unknown time zone, more than 20 slogans (blank ones are left out), a toolkit link that is not http(s), "
                    + "an invalid contact address, a hashtag with spaces or other characters (a leading '#' is dropped).")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping
    ResponseEntity<CampaignDocument> create(@RequestBody CampaignDocument request) {
        Campaign campaign = campaigns.create(request.toDraft());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/campaigns/" + campaign.id()).body(document(campaign));
    }

    @Operation(summary = "Changes a campaign: the whole document, as for creating it (network admins)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PutMapping("/{id}")
    CampaignDocument update(@PathVariable long id, @RequestBody CampaignDocument request) {
        campaign(id, true);
        return document(campaigns.update(id, request.toDraft()));
    }

    @Operation(summary = "Sets the cover picture (multipart field 'cover'; JPEG, PNG, WebP or GIF by content) (network admins)")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(path = "/{id}/cover", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CampaignDocument cover(@PathVariable long id, @RequestParam(value = "cover", required = false) MultipartFile cover) {
        campaign(id, true);
        if (cover == null || cover.isEmpty()) {
            throw new InvalidInputException("cover", "campaign.admin.cover.missing", "Send an image in the field 'cover'.");
        }
        try {
            covers.set(id, cover.getInputStream(), cover.getSize());
        } catch (RefusedImageException refused) {
            throw new InvalidInputException("cover", refused.messageKey(), refused.getMessage());
        } catch (IOException unreadable) {
            throw new InvalidInputException("cover", "media.notAnImage", "The upload could not be read.");
        }
        return document(campaign(id, true));
    }

    @Operation(summary = "Adds a toolkit file to one of the campaign's action types (multipart: file, type, title) (network admins)",
            description = "Accepted by content: PDF, JPEG, PNG, WebP, GIF, office documents (OOXML, OLE, OpenDocument) and ZIP.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(path = "/{id}/toolkit-files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileDocument> addToolkitFile(@PathVariable long id, @RequestParam(required = false) ActionType type,
                                                @RequestParam(required = false) String title,
                                                @RequestParam(value = "file", required = false) MultipartFile file) {
        Campaign campaign = campaign(id, true);
        ToolkitFiles.ToolkitFile added = toolkit.add(campaign, type, title, file, file == null ? 0 : file.getSize(),
                file == null ? null : file.getOriginalFilename());
        return ResponseEntity.status(HttpStatus.CREATED).body(file(campaign, added));
    }

    private Campaign campaign(long id, boolean withDrafts) {
        return campaigns.find(id).filter(c -> withDrafts || !c.isDraft())
                .orElseThrow(() -> new NotFoundException("There is no campaign with this id."));
    }

    private FileDocument file(Campaign c, ToolkitFiles.ToolkitFile f) {
        return new FileDocument(f.id(), f.title(), platform.link("/campaigns/" + c.slug() + "/toolkit/" + f.storedName()),
                f.contentType(), f.byteSize());
    }

    private CampaignDocument document(Campaign c) {
        List<ToolkitFiles.ToolkitFile> files = toolkit.of(c.id());
        return new CampaignDocument(c.id(), c.slug(), platform.link("/campaigns/" + c.slug()), c.title().fallback(), values(c.title()),
                values(c.call()), values(c.background()), c.firstDay(), c.lastDay(), c.zone().getId(), c.status(),
                c.slogans().stream().map(CampaignApiController::values).toList(),
                c.actionTypes().stream().map(a -> new ActionTypeDocument(a.type(), values(a.guidance()),
                        a.links().stream().map(l -> new LinkDocument(l.title(), l.url())).toList(),
                        files.stream().filter(f -> f.actionType() == a.type()).map(f -> file(c, f)).toList())).toList(),
                c.hashtags(), c.socialHandles(), c.contactEmail(),
                c.coverImage() == null ? null : platform.link("/media/" + c.coverImage()));
    }

    /** A text's values in the order of {@link Languages#SUPPORTED}, so that documents read the same each time. */
    private static Map<String, String> values(TranslatedText text) {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        Languages.SUPPORTED.forEach(l -> {
            if (text.values().containsKey(l)) {
                ordered.put(l, text.values().get(l));
            }
        });
        return ordered;
    }

    private static TranslatedText text(String fallback, Map<String, String> values) {
        return new TranslatedText(fallback, values == null ? Map.of() : values);
    }
}
