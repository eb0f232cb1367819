package org.convene.campaigns.gallery;

import java.util.List;
import java.util.Locale;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderation queue for staff. Each decision is a plain form POST (answered with a redirect back
 * to the queue); with htmx only the item is swapped and the result announced in the live region.
 */
@Controller
class FootageModerationController {

    private final Campaigns campaigns;
    private final FootageModeration moderation;
    private final FootageViews views;
    private final Compilation compilation;

    FootageModerationController(Campaigns campaigns, FootageModeration moderation, FootageViews views, Compilation compilation) {
        this.campaigns = campaigns;
        this.moderation = moderation;
        this.views = views;
        this.compilation = compilation;
    }

    @PreAuthorize("@galleryAccess.isStaff()")
    @GetMapping("/admin/campaigns/{slug}/footage")
    String queue(@PathVariable String slug, @RequestParam(required = false) String status, Model model, Locale locale) {
        Campaign campaign = campaign(slug);
        String shown = status == null || status.isBlank() ? "PENDING" : status.strip().toUpperCase(Locale.ROOT);
        if (!"ALL".equals(shown) && !FootageModeration.STATUSES.contains(shown)) {
            shown = "PENDING";
        }
        StaffMember staff = CurrentStaff.required();
        List<FootageItem> items = moderation.queue(campaign.id(), "ALL".equals(shown) ? null : shown, staff);
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", List.of("PENDING", "APPROVED", "REJECTED", "WITHDRAWN", "ALL"));
        model.addAttribute("items", views.of(items, campaign, locale));
        model.addAttribute("mayCompile", staff.isNetworkAdmin());
        return "campaigns/gallery-moderation";
    }

    @PreAuthorize("@galleryAccess.canModerate(#id)")
    @PostMapping("/admin/campaigns/{slug}/footage/{id}/moderation")
    String moderate(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) String decision,
                    @RequestParam(required = false) String caption, @RequestParam(required = false) String credit,
                    @RequestParam(required = false) String place, @RequestParam(required = false) String status,
                    @RequestHeader(value = "HX-Request", required = false) String htmx,
                    Model model, RedirectAttributes redirect, Locale locale) {
        Campaign campaign = campaign(slug);
        String result;
        List<InvalidInputException.FieldProblem> problems = List.of();
        try {
            moderation.moderate(id, campaign.id(), decision, new FootageModeration.Edits(caption, credit, place));
            result = "gallery.moderation.done." + FootageModeration.decision(decision).name();
        } catch (InvalidInputException invalid) {
            if (invalid.errors().stream().anyMatch(e -> e.field().equals("campaignId"))) {
                throw new NotFoundException("No such footage in this campaign");
            }
            problems = invalid.errors();
            result = "gallery.moderation.not-saved";
        } catch (FootageModeration.ConflictException conflict) {
            result = conflict.code();
        }
        if (htmx == null) {
            redirect.addFlashAttribute("result", result);
            redirect.addFlashAttribute("resultId", id);
            redirect.addFlashAttribute("badFields", fields(problems));
            if (!problems.isEmpty()) {
                redirect.addFlashAttribute("draft", new FootageModeration.Edits(caption, credit, place));
            }
            return "redirect:/admin/campaigns/" + slug + "/footage" + (status == null || status.isBlank() ? "" : "?status=" + status)
                    + "#footage-" + id;
        }
        FootageItem footage = moderation.find(id).orElseThrow(() -> new NotFoundException("No such footage"));
        model.addAttribute("campaign", campaign);
        model.addAttribute("status", status);
        model.addAttribute("f", views.of(footage, campaign, locale));
        model.addAttribute("result", result);
        model.addAttribute("resultId", id);
        model.addAttribute("badFields", fields(problems));
        if (!problems.isEmpty()) {
            model.addAttribute("draft", new FootageModeration.Edits(caption, credit, place));
        }
        return "campaigns/gallery-moderation :: swap";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/campaigns/{slug}/footage/compilation.zip")
    ResponseEntity<StreamingResponseBody> compilation(@PathVariable String slug) {
        Campaign campaign = campaign(slug);
        return zip(campaign, compilation);
    }

    static ResponseEntity<StreamingResponseBody> zip(Campaign campaign, Compilation compilation) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(Compilation.fileName(campaign)).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(out -> compilation.write(campaign, out));
    }

    private static java.util.Set<String> fields(List<InvalidInputException.FieldProblem> problems) {
        return problems.stream().map(InvalidInputException.FieldProblem::field).collect(java.util.stream.Collectors.toSet());
    }

    private Campaign campaign(String slug) {
        return campaigns.findBySlug(slug).orElseThrow(() -> new NotFoundException("No such campaign"));
    }
}
