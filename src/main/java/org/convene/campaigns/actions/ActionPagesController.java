package org.convene.campaigns.actions;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side of local actions: the map with figures, filters and the paged list; one action's
 * page; the compact map data; and the proposal form with its confirmation link.
 */
@Controller
class ActionPagesController {

    static final int PAGE_SIZE = 50;

    private final LocalActions actions;
    private final ActionMap map;
    private final ActionViews views;
    private final Countries countries;
    private final CampaignMapProperties mapProperties;
    private final MessageSource messages;
    private final ActionLinks links;
    private final Campaigns campaigns;

    ActionPagesController(LocalActions actions, ActionMap map, ActionViews views, Countries countries, CampaignMapProperties mapProperties,
                          MessageSource messages, ActionLinks links, Campaigns campaigns) {
        this.actions = actions;
        this.map = map;
        this.views = views;
        this.countries = countries;
        this.mapProperties = mapProperties;
        this.messages = messages;
        this.links = links;
        this.campaigns = campaigns;
    }

    @ModelAttribute("actionTypes")
    ActionType[] actionTypes() {
        return ActionType.values();
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}/actions")
    String mapPage(@PathVariable String slug, @RequestParam(required = false) String type, @RequestParam(required = false) String country,
                   @RequestParam(required = false) String region, @RequestParam(required = false) String page,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        Campaign campaign = views.publicCampaign(slug);
        ActionFilter.Parsed parsed = ActionFilter.parse(type, country, region, countries, views.directory());
        Map<String, String> errors = new LinkedHashMap<>();
        parsed.problems().forEach(p -> errors.put(p.field(), messages.getMessage(p.code(), null, p.message(), locale)));
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            try {
                pageNumber = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                pageNumber = 0;
            }
            if (pageNumber < 1 || pageNumber > 100_000) {
                errors.put("page", messages.getMessage("campaigns.actions.filter.page", null, locale));
                pageNumber = 1;
            }
        }
        ActionFilter filter = parsed.filter();
        List<LocalAction> rows = actions.publicPage(campaign.id(), filter, pageNumber, PAGE_SIZE);
        boolean more = rows.size() > PAGE_SIZE;
        String base = "/campaigns/" + slug + "/actions";
        String query = filter.query();
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("countries", views.countryChoices(locale));
        model.addAttribute("regions", views.regions());
        model.addAttribute("actions", views.views(more ? rows.subList(0, PAGE_SIZE) : rows, locale));
        model.addAttribute("previousHref", pageNumber > 1 ? base + "?" + join(query, "page=" + (pageNumber - 1)) : null);
        model.addAttribute("nextHref", more ? base + "?" + join(query, "page=" + (pageNumber + 1)) : null);
        model.addAttribute("figures", views.figures(map.figures(campaign.id(), filter), locale));
        model.addAttribute("mapUrl", base + "/map.json" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("figuresUrl", base + "/figures" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("tileUrl", mapProperties.hasTiles() ? mapProperties.tileUrl().strip() : "");
        model.addAttribute("attribution", mapProperties.attribution());
        model.addAttribute("refreshSeconds", views.isDayOfAction(campaign) ? Math.max(5, mapProperties.refresh().toSeconds()) : 0);
        model.addAttribute("mayPropose", campaign.isOpen());
        return htmx != null ? "campaigns/actions-map :: listing" : "campaigns/actions-map";
    }

    private static String join(String query, String more) {
        return query.isEmpty() ? more : query + "&" + more;
    }

    /** The figures alone, for the map's refresh on a day of action. */
    @PermitAll
    @GetMapping("/campaigns/{slug}/actions/figures")
    String figures(@PathVariable String slug, @RequestParam(required = false) String type, @RequestParam(required = false) String country,
                   @RequestParam(required = false) String region, Model model, Locale locale) {
        Campaign campaign = views.publicCampaign(slug);
        ActionFilter.Parsed parsed = ActionFilter.parse(type, country, region, countries, views.directory());
        model.addAttribute("figures", views.figures(map.figures(campaign.id(), parsed.filter()), locale));
        return "campaigns/actions-map :: figures";
    }

    /**
     * The compact map data: {"total", "countries", "byCountry", "byRegion", "noRegion", "actions": [[id, lat, lon, type, short title]]}
     * of the published public actions. Served from a serialized body per campaign and filter, gzipped when the client
     * accepts it, with an ETag (If-None-Match gives 304).
     */
    @PermitAll
    @GetMapping("/campaigns/{slug}/actions/map.json")
    ResponseEntity<byte[]> mapData(@PathVariable String slug, @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String country, @RequestParam(required = false) String region,
                                   HttpServletRequest request) {
        Campaign campaign = views.publicCampaign(slug);
        ActionFilter.Parsed parsed = ActionFilter.parse(type, country, region, countries, views.directory());
        if (!parsed.problems().isEmpty()) {
            var problem = parsed.problems().getFirst();
            String json = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\""
                    + problem.message().replace("\"", "'") + "\",\"field\":\"" + problem.field() + "\"}";
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ActionMap.Body body = map.body(campaign.id(), parsed.filter());
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(body.etag());
        headers.setCacheControl("public, max-age=10");
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(body.etag()) || ifNoneMatch.strip().equals("*"))) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        String encodings = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (encodings != null && encodings.contains("gzip")) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            headers.setContentLength(body.gzip().length);
            return new ResponseEntity<>(body.gzip(), headers, HttpStatus.OK);
        }
        headers.setContentLength(body.json().length);
        return new ResponseEntity<>(body.json(), headers, HttpStatus.OK);
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}/actions/{id:\\d+}")
    String show(@PathVariable String slug, @PathVariable long id, Model model, Locale locale) {
        Campaign campaign = views.publicCampaign(slug);
        LocalAction action = actions.find(id).filter(a -> a.campaignId() == campaign.id() && a.isPublic())
                .orElseThrow(() -> new NotFoundException("No such action"));
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("view", views.view(action, locale));
        model.addAttribute("osmHref", "https://www.openstreetmap.org/?mlat=" + action.publicLatitude() + "&mlon=" + action.publicLongitude()
                + "#map=" + (action.precision() == LocalAction.PositionPrecision.COUNTRY ? 5 : action.addressPublic() ? 17 : 13)
                + "/" + action.publicLatitude() + "/" + action.publicLongitude());
        return "campaigns/actions-show";
    }

    @PermitAll
    @GetMapping("/campaigns/{slug}/actions/propose")
    String proposeForm(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = views.publicCampaign(slug);
        ActionForm form = new ActionForm();
        form.setTimeZone(campaign.zone().getId());
        form.setStartsAt(campaign.firstDay().atTime(12, 0));
        model.addAttribute("form", form);
        return proposeModel(campaign, model, locale);
    }

    @PermitAll
    @PostMapping("/campaigns/{slug}/actions/propose")
    String propose(@PathVariable String slug, @ModelAttribute("form") ActionForm form, BindingResult errors, Model model, Locale locale) {
        Campaign campaign = views.publicCampaign(slug);
        if (errors.hasErrors()) {
            return proposeModel(campaign, model, locale);
        }
        try {
            actions.propose(campaign, form.toDraft(locale.getLanguage()));
        } catch (InvalidInputException invalid) {
            ActionAdminController.reject(invalid, errors);
            return proposeModel(campaign, model, locale);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("email", form.getContactEmail().strip());
        return "campaigns/actions-proposed";
    }

    private String proposeModel(Campaign campaign, Model model, Locale locale) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("countries", views.countryChoices(locale));
        model.addAttribute("organizations", views.organizations());
        model.addAttribute("open", campaign.isOpen());
        model.addAttribute("tileUrl", mapProperties.hasTiles() ? mapProperties.tileUrl().strip() : "");
        model.addAttribute("attribution", mapProperties.attribution());
        return "campaigns/actions-propose";
    }

    /** The link in the mail shows a button (a link scanner's GET confirms nothing). */
    @PermitAll
    @GetMapping("/campaigns/actions/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, Locale locale) {
        LocalAction action = proposal(token);
        model.addAttribute("action", action);
        model.addAttribute("campaignTitle", campaigns.find(action.campaignId()).map(c -> c.title().in(locale)).orElse(""));
        model.addAttribute("token", token);
        model.addAttribute("done", action.confirmed());
        return "campaigns/actions-confirm";
    }

    @PermitAll
    @PostMapping("/campaigns/actions/confirm/{token}")
    String confirm(@PathVariable String token, Model model, Locale locale) {
        LocalAction action = actions.confirm(proposal(token).id()).orElseThrow();
        model.addAttribute("action", action);
        model.addAttribute("campaignTitle", campaigns.find(action.campaignId()).map(c -> c.title().in(locale)).orElse(""));
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        return "campaigns/actions-confirm";
    }

    private LocalAction proposal(String token) {
        OptionalLong id = links.verify(token);
        return id.isPresent() ? actions.find(id.getAsLong()).filter(a -> a.proposerEmail() != null)
                .orElseThrow(() -> new NotFoundException("No such proposal")) : throwNotFound();
    }

    private static LocalAction throwNotFound() {
        throw new NotFoundException("No such proposal");
    }
}
