package org.convene.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.convene.accounts.CurrentStaff;
import org.convene.directory.internal.Forms.OrganizationForm;
import org.convene.directory.internal.OrganizationCsv;
import org.convene.directory.internal.OrganizationService;
import org.convene.directory.internal.OrganizationStore;
import org.convene.directory.internal.Records.Organization;
import org.convene.directory.internal.StructureStore;
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

/**
 * Admin pages for member organizations: network admins create, edit, suspend, import and export;
 * an organization's own admins and editors edit its profile only.
 */
@Controller
class AdminOrganizationController {

    private final OrganizationService service;
    private final OrganizationStore organizations;
    private final StructureStore structure;
    private final OrganizationCsv csv;

    AdminOrganizationController(OrganizationService service, OrganizationStore organizations, StructureStore structure, OrganizationCsv csv) {
        this.service = service;
        this.organizations = organizations;
        this.structure = structure;
        this.csv = csv;
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @GetMapping("/admin/directory/organizations/new")
    String newForm(Model model) {
        model.addAttribute("form", new OrganizationForm());
        return page(model, null);
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/admin/directory/organizations/new")
    String create(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors,
                  @RequestParam(required = false) MultipartFile logo, Model model, RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form, null));
        if (errors.hasErrors()) {
            return page(model, null);
        }
        try {
            long id = service.create(form, logo);
            redirect.addFlashAttribute("notice", "directory.admin.saved");
            return "redirect:/admin/directory/organizations/" + id;
        } catch (InvalidInputException e) {
            FormErrors.add(errors, model, e);
            return page(model, null);
        }
    }

    @PreAuthorize("@staffAccess.canEditOrganization(#id)")
    @GetMapping("/admin/directory/organizations/{id}")
    String editForm(@PathVariable long id, Model model) {
        Organization organization = organizations.byId(id).orElseThrow(() -> new NotFoundException("No such organization"));
        model.addAttribute("form", OrganizationService.formOf(organization));
        return page(model, organization);
    }

    @PreAuthorize("@staffAccess.canEditOrganization(#id)")
    @PostMapping("/admin/directory/organizations/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors,
                  @RequestParam(required = false) MultipartFile logo, Model model, RedirectAttributes redirect) {
        Organization organization = organizations.byId(id).orElseThrow(() -> new NotFoundException("No such organization"));
        FormErrors.add(errors, model, service.problems(form, id));
        if (errors.hasErrors()) {
            return page(model, organization);
        }
        try {
            service.update(id, form, logo);
            redirect.addFlashAttribute("notice", "directory.admin.saved");
            return "redirect:/admin/directory/organizations/" + id;
        } catch (InvalidInputException e) {
            FormErrors.add(errors, model, e);
            return page(model, organization);
        }
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/admin/directory/organizations/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, RedirectAttributes redirect) {
        service.setStatus(id, status);
        redirect.addFlashAttribute("notice", "directory.admin.saved");
        return "redirect:/admin/directory/organizations/" + id;
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @GetMapping("/admin/directory/organizations.csv")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"organizations.csv\"");
        csv.export(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @GetMapping("/admin/directory/import")
    String importForm() {
        return "admin/directory/import";
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @PostMapping("/admin/directory/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "directory.csv.noFile");
            return "admin/directory/import";
        }
        OrganizationCsv.ImportResult result = csv.importFile(file.getInputStream());
        if (!result.clean()) {
            model.addAttribute("problems", result.problems());
            return "admin/directory/import";
        }
        redirect.addFlashAttribute("imported", result.imported());
        return "redirect:/admin/directory";
    }

    private String page(Model model, Organization organization) {
        model.addAttribute("organization", organization);
        model.addAttribute("regions", structure.regions(true));
        model.addAttribute("networkAdmin", CurrentStaff.get().map(s -> s.isNetworkAdmin()).orElse(false));
        return "admin/directory/organization";
    }
}
