package org.convene.campaigns.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.media.RefusedImageException;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Network admins create and change campaigns, their cover picture and toolkit files. */
@Controller
class CampaignAdminController {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+") || z.equals("UTC"))
            .sorted().toList();

    private final Campaigns campaigns;
    private final ToolkitFiles toolkit;
    private final CampaignCovers covers;

    CampaignAdminController(Campaigns campaigns, ToolkitFiles toolkit, CampaignCovers covers) {
        this.campaigns = campaigns;
        this.toolkit = toolkit;
        this.covers = covers;
    }

    @ModelAttribute("statuses")
    CampaignStatus[] statuses() {
        return CampaignStatus.values();
    }

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return ZONES;
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/campaigns")
    String list(Model model, Locale locale) {
        model.addAttribute("campaigns", campaigns.list(true).stream().map(c -> CampaignView.summary(c, locale)).toList());
        return "campaigns/admin-list";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/campaigns/new")
    String newForm(Model model) {
        model.addAttribute("form", CampaignForm.blank());
        return "campaigns/admin-form";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/campaigns")
    String create(@ModelAttribute("form") CampaignForm form, BindingResult errors,
                  @RequestParam(required = false) String sloganCommand, RedirectAttributes redirect) {
        if (sloganCommand != null) {
            form.applySloganCommand(sloganCommand);
            form.keepRowsForEditing();
            return "campaigns/admin-form";
        }
        if (errors.hasErrors()) {
            form.completeRows();
            return "campaigns/admin-form";
        }
        try {
            Campaign campaign = campaigns.create(form.toDraft());
            redirect.addFlashAttribute("notice", "campaign.admin.saved");
            return "redirect:/admin/campaigns/" + campaign.id();
        } catch (InvalidInputException invalid) {
            reject(invalid, form, errors);
            form.completeRows();
            return "campaigns/admin-form";
        }
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/campaigns/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String tooLarge, Model model) {
        Campaign campaign = campaign(id);
        model.addAttribute("form", CampaignForm.of(campaign));
        if (tooLarge != null) {
            model.addAttribute("uploadProblem", "campaign.admin.upload.tooLarge");
        }
        addDetails(campaign, model);
        return "campaigns/admin-form";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/campaigns/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") CampaignForm form, BindingResult errors,
                  @RequestParam(required = false) String sloganCommand, Model model, RedirectAttributes redirect) {
        Campaign campaign = campaign(id);
        addDetails(campaign, model);
        if (sloganCommand != null) {
            form.applySloganCommand(sloganCommand);
            form.keepRowsForEditing();
            return "campaigns/admin-form";
        }
        if (errors.hasErrors()) {
            form.completeRows();
            return "campaigns/admin-form";
        }
        try {
            campaigns.update(id, form.toDraft());
            redirect.addFlashAttribute("notice", "campaign.admin.saved");
            return "redirect:/admin/campaigns/" + id;
        } catch (InvalidInputException invalid) {
            reject(invalid, form, errors);
            form.completeRows();
            return "campaigns/admin-form";
        }
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/campaigns/{id}/cover")
    String cover(@PathVariable long id, @RequestParam(value = "cover", required = false) MultipartFile cover,
                 RedirectAttributes redirect) {
        campaign(id);
        if (cover == null || cover.isEmpty()) {
            redirect.addFlashAttribute("coverProblem", "campaign.admin.cover.missing");
            return "redirect:/admin/campaigns/" + id + "#cover";
        }
        try {
            covers.set(id, cover.getInputStream(), cover.getSize());
            redirect.addFlashAttribute("notice", "campaign.admin.cover.saved");
        } catch (RefusedImageException refused) {
            redirect.addFlashAttribute("coverProblem", refused.messageKey());
        } catch (IOException unreadable) {
            redirect.addFlashAttribute("coverProblem", "media.notAnImage");
        }
        return "redirect:/admin/campaigns/" + id + "#cover";
    }

    /** Where a too-large upload is sent back to (see {@code CampaignPagesConfiguration}). */
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping({"/admin/campaigns/{id}/cover", "/admin/campaigns/{id}/toolkit"})
    String uploadTooLarge(@PathVariable long id) {
        return "redirect:/admin/campaigns/" + id + "?tooLarge";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/campaigns/{id}/cover/remove")
    String removeCover(@PathVariable long id, RedirectAttributes redirect) {
        campaign(id);
        campaigns.setCoverImage(id, null);
        redirect.addFlashAttribute("notice", "campaign.admin.cover.removed");
        return "redirect:/admin/campaigns/" + id + "#cover";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/campaigns/{id}/toolkit")
    String addToolkitFile(@PathVariable long id, @RequestParam(required = false) ActionType toolkitType,
                          @RequestParam(required = false) String toolkitTitle,
                          @RequestParam(value = "toolkitFile", required = false) MultipartFile file, RedirectAttributes redirect) {
        Campaign campaign = campaign(id);
        try {
            toolkit.add(campaign, toolkitType, toolkitTitle, file, file == null ? 0 : file.getSize(),
                    file == null ? null : file.getOriginalFilename());
            redirect.addFlashAttribute("notice", "campaign.admin.toolkit.saved");
        } catch (InvalidInputException refused) {
            // flash attributes live in the session: plain strings only
            redirect.addFlashAttribute("toolkitProblem", refused.errors().getFirst().code());
            redirect.addFlashAttribute("toolkitProblemField", refused.errors().getFirst().field());
            redirect.addFlashAttribute("toolkitTitleSent", toolkitTitle);
        }
        return "redirect:/admin/campaigns/" + id + "#toolkit";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/campaigns/{id}/toolkit/{fileId}/remove")
    String removeToolkitFile(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        campaign(id);
        if (toolkit.remove(id, fileId)) {
            redirect.addFlashAttribute("notice", "campaign.admin.toolkit.removed");
        }
        return "redirect:/admin/campaigns/" + id + "#toolkit";
    }

    private Campaign campaign(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("No such campaign"));
    }

    private void addDetails(Campaign campaign, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("toolkitFiles", toolkit.of(campaign.id()));
    }

    private static void reject(InvalidInputException invalid, CampaignForm form, BindingResult errors) {
        for (InvalidInputException.FieldProblem problem : invalid.errors()) {
            String field = problem.field();
            if (field.startsWith("actionTypes.")) {
                String[] parts = field.split("\\.");
                int row;
                try {
                    row = form.rowOf(ActionType.valueOf(parts[1]));
                } catch (IllegalArgumentException unknown) {
                    row = -1;
                }
                if (row < 0) {
                    errors.reject(problem.code(), problem.message());
                    continue;
                }
                field = "actionTypes[" + row + "]." + parts[2];
            } else if (field.equals("actionTypes")) {
                errors.reject(problem.code(), problem.message());
                continue;
            }
            errors.rejectValue(field, problem.code(), problem.message());
        }
    }
}
