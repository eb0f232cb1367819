package org.convene.publishing.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.campaigns.CampaignDirectory;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;
import org.convene.platform.limits.UploadForms;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of the resource library: the list with download counts, the form to create or change
 * a resource (a new file replaces the old one), publish, unpublish and delete.
 */
@Controller
class ResourceAdminController {

    /** A file over the multipart limit is sent back to the form it came from, which says so next to the file field. */
    private static final String FORMS = "/admin/resources/(new|\\d+)";

    @Bean
    static UploadForms resourceUploadForms() {
        return path -> path.matches(FORMS);
    }

    private final Resources resources;
    private final DownloadCounter counter;
    private final MemberDirectory directory;
    private final CampaignDirectory campaigns;
    private final ResourcesProperties properties;

    ResourceAdminController(Resources resources, DownloadCounter counter, MemberDirectory directory, CampaignDirectory campaigns,
                            ResourcesProperties properties) {
        this.properties = properties;
        this.resources = resources;
        this.counter = counter;
        this.directory = directory;
        this.campaigns = campaigns;
    }

    @ModelAttribute("mayPublishForNetwork")
    boolean mayPublishForNetwork() {
        return CurrentStaff.get().map(StaffMember::isNetworkAdmin).orElse(false);
    }

    /** The organizations the current staff member may name as owner: any for network admins, else their own. */
    @ModelAttribute("owners")
    List<MemberDirectory.MemberOrganization> owners() {
        StaffMember staff = CurrentStaff.get().orElse(null);
        if (staff == null) {
            return List.of();
        }
        if (staff.isNetworkAdmin() || staff.organizationId() == null) {
            return directory.organizations();
        }
        long own = staff.organizationId();
        return List.of(directory.organization(own).orElse(new MemberDirectory.MemberOrganization(own, "#" + own, null, null, null)));
    }

    @ModelAttribute("campaignOptions")
    List<ResourcePagesController.CampaignOption> campaignOptions(Locale locale) {
        return campaigns.campaigns().stream().map(c -> new ResourcePagesController.CampaignOption(c.id(), c.title().in(locale))).toList();
    }

    @ModelAttribute("documentLanguages")
    List<ResourceView.LanguageName> documentLanguages() {
        return Languages.SUPPORTED.stream().map(l -> new ResourceView.LanguageName(l, Languages.nativeName(l))).toList();
    }

    @ModelAttribute("statuses")
    ResourceStatus[] statuses() {
        return ResourceStatus.values();
    }

    @ModelAttribute("maxFileBytes")
    String maxFileBytes(Locale locale) {
        return ResourceView.humanSize(properties.maxFileBytes(), locale);
    }

    @PreAuthorize("@resourceAccess.isStaff()")
    @GetMapping("/admin/resources")
    String list(Model model, Locale locale) {
        StaffMember staff = CurrentStaff.required();
        model.addAttribute("resources", resources.editableBy(staff.organizationId(), staff.isNetworkAdmin()).stream()
                .map(r -> ResourceView.of(r, locale, campaigns, directory, counter.pending(r.id()))).toList());
        return "publishing/resources-admin-list";
    }

    @PreAuthorize("@resourceAccess.isStaff()")
    @GetMapping("/admin/resources/new")
    String newForm(@RequestParam(required = false) String tooLarge, Model model) {
        ResourceForm form = new ResourceForm();
        form.setOrganizationId(CurrentStaff.required().isNetworkAdmin() ? null : CurrentStaff.required().organizationId());
        model.addAttribute("form", form);
        model.addAttribute("uploadTooLarge", tooLarge != null);
        return "publishing/resources-admin-form";
    }

    @PreAuthorize("@resourceAccess.canManage(#form.organizationId)")
    @PostMapping("/admin/resources/new")
    String create(@ModelAttribute("form") ResourceForm form, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "publishing/resources-admin-form";
        }
        try {
            Resource created = resources.create(form.toDraft());
            redirect.addFlashAttribute("notice", "resources.admin.saved");
            return "redirect:/admin/resources/" + created.id();
        } catch (InvalidInputException invalid) {
            reject(invalid, errors);
            return "publishing/resources-admin-form";
        } catch (java.io.IOException unreadable) {
            errors.rejectValue("file", "resources.error.file.damaged");
            return "publishing/resources-admin-form";
        }
    }

    @PreAuthorize("@resourceAccess.canEdit(#id)")
    @GetMapping("/admin/resources/{id:\\d+}")
    String edit(@PathVariable long id, @RequestParam(required = false) String tooLarge, Model model, Locale locale) {
        Resource resource = resources.find(id).orElseThrow(() -> new NotFoundException("No such resource"));
        model.addAttribute("form", ResourceForm.of(resource));
        model.addAttribute("resource", ResourceView.of(resource, locale, campaigns, directory, counter.pending(id)));
        model.addAttribute("uploadTooLarge", tooLarge != null);
        return "publishing/resources-admin-form";
    }

    @PreAuthorize("@resourceAccess.canEdit(#id) and @resourceAccess.canManage(#form.organizationId)")
    @PostMapping("/admin/resources/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute("form") ResourceForm form, BindingResult errors, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Resource resource = resources.find(id).orElseThrow(() -> new NotFoundException("No such resource"));
        model.addAttribute("resource", ResourceView.of(resource, locale, campaigns, directory, counter.pending(id)));
        if (errors.hasErrors()) {
            return "publishing/resources-admin-form";
        }
        try {
            resources.update(id, form.toDraft());
            redirect.addFlashAttribute("notice", "resources.admin.saved");
            return "redirect:/admin/resources/" + id;
        } catch (InvalidInputException invalid) {
            reject(invalid, errors);
            return "publishing/resources-admin-form";
        } catch (java.io.IOException unreadable) {
            errors.rejectValue("file", "resources.error.file.damaged");
            return "publishing/resources-admin-form";
        }
    }

    @PreAuthorize("@resourceAccess.canEdit(#id)")
    @PostMapping("/admin/resources/{id:\\d+}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        resources.setStatus(id, ResourceStatus.PUBLISHED);
        redirect.addFlashAttribute("notice", "resources.admin.published");
        return "redirect:/admin/resources";
    }

    @PreAuthorize("@resourceAccess.canEdit(#id)")
    @PostMapping("/admin/resources/{id:\\d+}/unpublish")
    String unpublish(@PathVariable long id, RedirectAttributes redirect) {
        resources.setStatus(id, ResourceStatus.DRAFT);
        redirect.addFlashAttribute("notice", "resources.admin.unpublished");
        return "redirect:/admin/resources";
    }

    @PreAuthorize("@resourceAccess.canEdit(#id)")
    @PostMapping("/admin/resources/{id:\\d+}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        resources.delete(id);
        redirect.addFlashAttribute("notice", "resources.admin.deleted");
        return "redirect:/admin/resources";
    }

    private static void reject(InvalidInputException invalid, BindingResult errors) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (InvalidInputException.FieldProblem problem : invalid.errors()) {
            if (seen.putIfAbsent(problem.field(), true) == null) {
                errors.rejectValue(problem.field(), problem.code(), problem.message());
            }
        }
    }
}
