package org.convene.campaigns.actions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.accounts.CurrentStaff;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.PlatformProperties;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Local actions in the REST API: anyone reads a campaign's published public actions (never the
 * contact, the address only when public); staff register, change and withdraw their organization's
 * actions with a personal token; anyone proposes one, which counts once confirmed by mail.
 */
@ApiController("/api/v1/campaigns/{campaignId}")
class ActionApiController {

    static final int PAGE_SIZE = 100;

    /** An action as the API shows it: public fields only; the position is rounded unless the address is public. */
    record ActionDocument(long id, String url, Long organizationId, ActionType type, String title, String description,
                          OffsetDateTime startsAt, String timeZone, String city, String country, String address,
                          Double latitude, Double longitude, LocalAction.PositionPrecision positionPrecision,
                          LocalAction.Status status, LocalAction.Visibility visibility) {
    }

    /**
     * An action as staff or a proposer send it. {@code startsAt} is the local date and time where the action takes place
     * (e.g. 2031-06-02T14:00) in {@code timeZone}; an offset, if given, is converted to that zone. Without latitude and
     * longitude the country's centre is used. For proposals, {@code contactEmail} is required and gets the confirmation mail.
     */
    record ActionRequest(ActionType type, String title, String description, String startsAt, String timeZone, String city,
                         String country, String address, Boolean addressPublic, Double latitude, Double longitude,
                         Long organizationId, String contactName, String contactEmail, LocalAction.Visibility visibility,
                         String language) {

        ActionDraft toDraft() {
            return new ActionDraft(type, title, description, localStart(), timeZone, city, country, address,
                    Boolean.TRUE.equals(addressPublic), latitude, longitude, organizationId, contactName, contactEmail, visibility,
                    language == null || !language.matches("[a-z]{2}") ? "en" : language);
        }

        private LocalDateTime localStart() {
            if (startsAt == null || startsAt.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(startsAt.strip());
            } catch (DateTimeParseException local) {
                try {
                    OffsetDateTime withOffset = OffsetDateTime.parse(startsAt.strip());
                    return withOffset.atZoneSameInstant(ZoneId.of(timeZone)).toLocalDateTime();
                } catch (RuntimeException e) {
                    throw new InvalidInputException("startsAt", "campaigns.actions.error.starts-format",
                            "Give the start as a local date and time, e.g. 2031-06-02T14:00.");
                }
            }
        }
    }

    record ProposalReceipt(String status, String detail) {
    }

    private final LocalActions actions;
    private final Campaigns campaigns;
    private final Countries countries;
    private final ActionViews views;
    private final PlatformProperties platform;

    ActionApiController(LocalActions actions, Campaigns campaigns, Countries countries, ActionViews views, PlatformProperties platform) {
        this.actions = actions;
        this.campaigns = campaigns;
        this.countries = countries;
        this.views = views;
        this.platform = platform;
    }

    @Operation(summary = "A campaign's published public actions, by start time, 100 a page",
            description = "A Link header with rel=\"next\" points to the next page. An unknown filter value is a 400 problem naming the field. "
                    + "The compact data of the public map is at /campaigns/{slug}/actions/map.json.")
    @PermitAll
    @GetMapping("/actions")
    ResponseEntity<List<ActionDocument>> list(@PathVariable long campaignId,
                                              @Parameter(description = "An action type, e.g. RALLY") @RequestParam(required = false) String type,
                                              @Parameter(description = "An ISO 3166-1 alpha-2 country code") @RequestParam(required = false) String country,
                                              @Parameter(description = "A region's slug: actions whose organizing organization is in that region")
                                              @RequestParam(required = false) String region,
                                              @Parameter(description = "Page number, from 1") @RequestParam(required = false) Integer page) {
        Campaign campaign = publicCampaign(campaignId);
        ActionFilter.Parsed parsed = ActionFilter.parse(type, country, region, countries, views.directory());
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        int number = page == null ? 1 : page;
        if (number < 1) {
            throw new InvalidInputException("page", "campaigns.actions.filter.page", "The page number starts at 1.");
        }
        List<LocalAction> rows = actions.publicPage(campaign.id(), parsed.filter(), number, PAGE_SIZE);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (rows.size() > PAGE_SIZE) {
            String query = parsed.filter().query();
            String next = UriComponentsBuilder.fromUriString(platform.link("/api/v1/campaigns/" + campaignId + "/actions")
                    + (query.isEmpty() ? "" : "?" + query)).queryParam("page", number + 1).build().toUriString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
            rows = rows.subList(0, PAGE_SIZE);
        }
        return response.body(rows.stream().map(a -> document(campaign, a)).toList());
    }

    @Operation(summary = "One published public action of the campaign (else 404)")
    @PermitAll
    @GetMapping("/actions/{actionId}")
    ActionDocument one(@PathVariable long campaignId, @PathVariable long actionId) {
        Campaign campaign = publicCampaign(campaignId);
        return actions.find(actionId).filter(a -> a.campaignId() == campaignId && a.isPublic()).map(a -> document(campaign, a))
                .orElseThrow(() -> new NotFoundException("There is no public action with this id in this campaign."));
    }

    @Operation(summary = "Registers an action (published at once)",
            description = "Needs a token of staff of the organizing organization, or of a network admin (who may also leave the organization out).")
    @PreAuthorize("@actionAccess.canOrganize(#request.organizationId())")
    @PostMapping("/actions")
    ResponseEntity<ActionDocument> create(@PathVariable long campaignId, @RequestBody ActionRequest request) {
        Campaign campaign = campaign(campaignId);
        LocalAction action = actions.register(campaign, request.toDraft(), CurrentStaff.required());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/campaigns/" + campaignId + "/actions/" + action.id())
                .body(document(campaign, action));
    }

    @Operation(summary = "Changes an action: the whole document, as for registering it")
    @PreAuthorize("@actionAccess.canEdit(#actionId) and @actionAccess.canOrganize(#request.organizationId())")
    @PutMapping("/actions/{actionId}")
    ActionDocument update(@PathVariable long campaignId, @PathVariable long actionId, @RequestBody ActionRequest request) {
        Campaign campaign = campaign(campaignId);
        ownAction(campaignId, actionId);
        return document(campaign, actions.update(actionId, request.toDraft(), CurrentStaff.required()));
    }

    @Operation(summary = "Withdraws an action (it leaves the map and the list)")
    @PreAuthorize("@actionAccess.canEdit(#actionId)")
    @DeleteMapping("/actions/{actionId}")
    ResponseEntity<Void> withdraw(@PathVariable long campaignId, @PathVariable long actionId) {
        ownAction(campaignId, actionId);
        actions.withdraw(actionId, CurrentStaff.required());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Proposes an action (anyone, no token)",
            description = "The proposal is stored unconfirmed and a confirmation link is mailed to contactEmail; once confirmed, staff "
                    + "moderate it and the proposer hears the outcome. Answers 202. The campaign must be open.")
    @PermitAll
    @PostMapping("/action-proposals")
    ResponseEntity<ProposalReceipt> propose(@PathVariable long campaignId, @RequestBody ActionRequest request) {
        Campaign campaign = campaign(campaignId);
        if (campaign.status() == CampaignStatus.DRAFT) {
            throw new NotFoundException("There is no campaign with this id.");
        }
        actions.propose(campaign, request.toDraft());
        return ResponseEntity.accepted().body(new ProposalReceipt("confirmation-sent",
                "A confirmation link was sent to the contact e-mail address; the proposal counts once it is opened."));
    }

    private void ownAction(long campaignId, long actionId) {
        actions.find(actionId).filter(a -> a.campaignId() == campaignId && a.status() != LocalAction.Status.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("There is no such action in this campaign."));
    }

    private Campaign campaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("There is no campaign with this id."));
    }

    private Campaign publicCampaign(long id) {
        return campaigns.find(id).filter(c -> c.status() != CampaignStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("There is no campaign with this id."));
    }

    private ActionDocument document(Campaign campaign, LocalAction a) {
        return new ActionDocument(a.id(), platform.link("/campaigns/" + campaign.slug() + "/actions/" + a.id()), a.organizationId(), a.type(),
                a.title(), a.description(), a.startsAt().atZone(a.zone()).toOffsetDateTime(), a.zone().getId(), a.city(), a.country(),
                a.publicAddress(), a.publicLatitude(), a.publicLongitude(), a.precision(), a.status(), a.visibility());
    }
}
