package org.convene.campaigns.actions;

import java.util.List;
import java.util.Locale;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.directory.MemberDirectory;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of a campaign's local actions: register, change and withdraw their organization's
 * actions (network admins any organization's), and moderate confirmed proposals.
 */
@Controller
class ActionAdminController {

    private final LocalActions actions;
    private final ActionViews views;
    private final CampaignMapProperties mapProperties;

    ActionAdminController(LocalActions actions, ActionViews views, CampaignMapProperties mapProperties) {
        this.actions = actions;
        this.views = views;
        this.mapProperties = mapProperties;
    }

    @ModelAttribute("actionTypes")
    ActionType[] actionTypes() {
        return ActionType.values();
    }

    @ModelAttribute("visibilities")
    LocalAction.Visibility[] visibilities() {
        return LocalAction.Visibility.values();
    }

    /** Whom the staff member may name as organizer: any organization for network admins, else their own. */
    @ModelAttribute("organizers")
    List<MemberDirectory.MemberOrganization> organizers() {
        StaffMember staff = CurrentStaff.get().orElse(null);
        if (staff == null) {
            return List.of();
        }
        if (staff.isNetworkAdmin()) {
            return views.organizations();
        }
        long own = staff.organizationId();
        return List.of(views.directory().organization(own).orElse(new MemberDirectory.MemberOrganization(own, "#" + own, null, null, null)));
    }

    @ModelAttribute("mayOrganizeForNetwork")
    boolean mayOrganizeForNetwork() {
        return CurrentStaff.get().map(StaffMember::isNetworkAdmin).orElse(false);
    }

    @PreAuthorize("@actionAccess.isStaff()")
    @GetMapping("/admin/campaigns/{slug}/actions")
    String list(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = views.campaign(slug);
        StaffMember staff = CurrentStaff.required();
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("actions", views.views(actions.editableBy(campaign.id(), staff), locale));
        model.addAttribute("proposalCount", actions.proposals(campaign.id(), staff).size());
        return "campaigns/actions-admin-list";
    }

    @PreAuthorize("@actionAccess.isStaff()")
    @GetMapping("/admin/campaigns/{slug}/actions/new")
    String newForm(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = views.campaign(slug);
        ActionForm form = new ActionForm();
        form.setOrganizationId(CurrentStaff.required().organizationId());
        form.setTimeZone(campaign.zone().getId());
        form.setStartsAt(campaign.firstDay().atTime(12, 0));
        model.addAttribute("form", form);
        return formModel(campaign, null, model, locale);
    }

    @PreAuthorize("@actionAccess.canOrganize(#form.organizationId)")
    @PostMapping("/admin/campaigns/{slug}/actions")
    String create(@PathVariable String slug, @ModelAttribute("form") ActionForm form, BindingResult errors, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Campaign campaign = views.campaign(slug);
        if (errors.hasErrors()) {
            return formModel(campaign, null, model, locale);
        }
        try {
            LocalAction action = actions.register(campaign, form.toDraft(locale.getLanguage()), CurrentStaff.required());
            redirect.addFlashAttribute("notice", "campaigns.actions.saved");
            return "redirect:/admin/campaigns/" + slug + "/actions/" + action.id();
        } catch (InvalidInputException invalid) {
            reject(invalid, errors);
            return formModel(campaign, null, model, locale);
        }
    }

    @PreAuthorize("@actionAccess.canEdit(#id)")
    @GetMapping("/admin/campaigns/{slug}/actions/{id:\\d+}")
    String edit(@PathVariable String slug, @PathVariable long id, Model model, Locale locale) {
        Campaign campaign = views.campaign(slug);
        LocalAction action = editable(campaign, id);
        model.addAttribute("form", ActionForm.of(action));
        return formModel(campaign, action, model, locale);
    }

    @PreAuthorize("@actionAccess.canEdit(#id) and @actionAccess.canOrganize(#form.organizationId)")
    @PostMapping("/admin/campaigns/{slug}/actions/{id:\\d+}")
    String update(@PathVariable String slug, @PathVariable long id, @ModelAttribute("form") ActionForm form, BindingResult errors,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Campaign campaign = views.campaign(slug);
        LocalAction action = editable(campaign, id);
        if (errors.hasErrors()) {
            return formModel(campaign, action, model, locale);
        }
        try {
            actions.update(id, form.toDraft(action.language()), CurrentStaff.required());
            redirect.addFlashAttribute("notice", "campaigns.actions.saved");
            return "redirect:/admin/campaigns/" + slug + "/actions/" + id;
        } catch (InvalidInputException invalid) {
            reject(invalid, errors);
            return formModel(campaign, action, model, locale);
        }
    }

    @PreAuthorize("@actionAccess.canEdit(#id)")
    @PostMapping("/admin/campaigns/{slug}/actions/{id:\\d+}/withdraw")
    String withdraw(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        Campaign campaign = views.campaign(slug);
        editable(campaign, id);
        actions.withdraw(id, CurrentStaff.required());
        redirect.addFlashAttribute("notice", "campaigns.actions.withdrawn");
        return "redirect:/admin/campaigns/" + slug + "/actions";
    }

    @PreAuthorize("@actionAccess.isStaff()")
    @GetMapping("/admin/campaigns/{slug}/actions/proposals")
    String proposals(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = views.campaign(slug);
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("proposals", views.views(actions.proposals(campaign.id(), CurrentStaff.required()), locale));
        return "campaigns/actions-moderation";
    }

    @PreAuthorize("@actionAccess.isStaff()")
    @PostMapping("/admin/campaigns/{slug}/actions/proposals/{id:\\d+}/approve")
    String approve(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        return moderate(slug, id, true, redirect);
    }

    @PreAuthorize("@actionAccess.isStaff()")
    @PostMapping("/admin/campaigns/{slug}/actions/proposals/{id:\\d+}/reject")
    String reject(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        return moderate(slug, id, false, redirect);
    }

    private String moderate(String slug, long id, boolean approve, RedirectAttributes redirect) {
        Campaign campaign = views.campaign(slug);
        actions.find(id).filter(a -> a.campaignId() == campaign.id()).orElseThrow(() -> new NotFoundException("No such proposal"));
        boolean done = actions.moderate(id, approve, CurrentStaff.required());
        redirect.addFlashAttribute("notice", !done ? "campaigns.actions.moderation.gone"
                : approve ? "campaigns.actions.moderation.approved" : "campaigns.actions.moderation.rejected");
        return "redirect:/admin/campaigns/" + slug + "/actions/proposals";
    }

    private LocalAction editable(Campaign campaign, long id) {
        return actions.find(id).filter(a -> a.campaignId() == campaign.id() && a.status() != LocalAction.Status.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("No such action"));
    }

    private String formModel(Campaign campaign, LocalAction action, Model model, Locale locale) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignTitle", campaign.title().in(locale));
        model.addAttribute("action", action);
        model.addAttribute("countries", views.countryChoices(locale));
        model.addAttribute("tileUrl", mapProperties.hasTiles() ? mapProperties.tileUrl().strip() : "");
        model.addAttribute("attribution", mapProperties.attribution());
        return "campaigns/actions-admin-form";
    }

    static void reject(InvalidInputException invalid, BindingResult errors) {
        for (InvalidInputException.FieldProblem problem : invalid.errors()) {
            if (problem.field().equals("campaign")) {
                errors.reject(problem.code(), problem.message());
            } else {
                errors.rejectValue(problem.field(), problem.code(), problem.message());
            }
        }
    }
}
