package org.convene.directory.web;

import jakarta.validation.Valid;
import org.convene.directory.internal.Forms.BodyForm;
import org.convene.directory.internal.Forms.MemberForm;
import org.convene.directory.internal.Forms.NetworkForm;
import org.convene.directory.internal.Forms.ProjectForm;
import org.convene.directory.internal.Forms.RegionForm;
import org.convene.directory.internal.OrganizationStore;
import org.convene.directory.internal.Records;
import org.convene.directory.internal.StructureService;
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

/** Network admins' pages for the directory: its overview, the network profile, regions, bodies and partner projects. */
@Controller
@PreAuthorize("hasRole('NETWORK_ADMIN')")
class AdminStructureController {

    private static final String SAVED = "directory.admin.saved";

    private final StructureService service;
    private final StructureStore store;
    private final OrganizationStore organizations;

    AdminStructureController(StructureService service, StructureStore store, OrganizationStore organizations) {
        this.service = service;
        this.store = store;
        this.organizations = organizations;
    }

    @GetMapping("/admin/directory")
    String overview(Model model) {
        model.addAttribute("network", store.network().orElse(null));
        model.addAttribute("regions", store.regions(true));
        model.addAttribute("organizations", organizations.search(OrganizationStore.Filter.all()));
        model.addAttribute("bodies", store.bodies(true));
        model.addAttribute("projects", store.projects(true));
        return "admin/directory/overview";
    }

    // ---- network profile

    @GetMapping("/admin/directory/network")
    String networkForm(Model model) {
        model.addAttribute("form", store.network().map(StructureService::formOf).orElseGet(NetworkForm::new));
        return networkPage(model);
    }

    @PostMapping("/admin/directory/network")
    String saveNetwork(@Valid @ModelAttribute("form") NetworkForm form, BindingResult errors,
                       @RequestParam(required = false) MultipartFile logo, Model model, RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form));
        if (errors.hasErrors()) {
            return networkPage(model);
        }
        try {
            service.saveNetwork(form, logo);
        } catch (InvalidInputException e) {
            FormErrors.add(errors, model, e);
            return networkPage(model);
        }
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory/network";
    }

    private String networkPage(Model model) {
        model.addAttribute("currentLogo", store.network().map(Records.NetworkProfile::logo).orElse(null));
        return "admin/directory/network";
    }

    // ---- regions

    @GetMapping("/admin/directory/regions/new")
    String newRegion(Model model) {
        model.addAttribute("form", new RegionForm());
        model.addAttribute("regionId", null);
        return "admin/directory/region";
    }

    @PostMapping("/admin/directory/regions/new")
    String createRegion(@Valid @ModelAttribute("form") RegionForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form));
        if (errors.hasErrors()) {
            model.addAttribute("regionId", null);
            return "admin/directory/region";
        }
        service.createRegion(form);
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory";
    }

    @GetMapping("/admin/directory/regions/{id}")
    String editRegion(@PathVariable long id, Model model) {
        model.addAttribute("form", StructureService.formOf(store.region(id).orElseThrow(() -> new NotFoundException("No such region"))));
        model.addAttribute("regionId", id);
        return "admin/directory/region";
    }

    @PostMapping("/admin/directory/regions/{id}")
    String updateRegion(@PathVariable long id, @Valid @ModelAttribute("form") RegionForm form, BindingResult errors, Model model,
                        RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form));
        if (errors.hasErrors()) {
            model.addAttribute("regionId", id);
            return "admin/directory/region";
        }
        service.updateRegion(id, form);
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory";
    }

    // ---- bodies

    @GetMapping("/admin/directory/bodies/new")
    String newBody(Model model) {
        model.addAttribute("form", new BodyForm());
        return bodyPage(model, null);
    }

    @PostMapping("/admin/directory/bodies/new")
    String createBody(@Valid @ModelAttribute("form") BodyForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form, null));
        if (errors.hasErrors()) {
            return bodyPage(model, null);
        }
        long id = service.createBody(form);
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory/bodies/" + id;
    }

    @GetMapping("/admin/directory/bodies/{id}")
    String editBody(@PathVariable long id, Model model) {
        model.addAttribute("form", StructureService.formOf(store.body(id).orElseThrow(() -> new NotFoundException("No such body"))));
        return bodyPage(model, id);
    }

    @PostMapping("/admin/directory/bodies/{id}")
    String updateBody(@PathVariable long id, @Valid @ModelAttribute("form") BodyForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form, id));
        if (errors.hasErrors()) {
            return bodyPage(model, id);
        }
        service.updateBody(id, form);
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory/bodies/" + id;
    }

    @PostMapping("/admin/directory/bodies/{id}/members")
    String putMember(@PathVariable long id, @ModelAttribute MemberForm member, RedirectAttributes redirect) {
        try {
            service.putMember(id, member);
            redirect.addFlashAttribute("notice", SAVED);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("memberError", e.errors().getFirst().code());
        }
        return "redirect:/admin/directory/bodies/" + id;
    }

    @PostMapping("/admin/directory/bodies/{id}/members/{organizationId}/remove")
    String removeMember(@PathVariable long id, @PathVariable long organizationId, RedirectAttributes redirect) {
        service.removeMember(id, organizationId);
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory/bodies/" + id;
    }

    private String bodyPage(Model model, Long id) {
        model.addAttribute("bodyId", id);
        model.addAttribute("members", id == null ? java.util.List.of() : store.members(id));
        model.addAttribute("organizations", organizations.search(OrganizationStore.Filter.all()));
        model.addAttribute("roles", Records.BODY_ROLES);
        return "admin/directory/body";
    }

    // ---- partner projects

    @GetMapping("/admin/directory/projects/new")
    String newProject(Model model) {
        model.addAttribute("form", new ProjectForm());
        return projectPage(model, null);
    }

    @PostMapping("/admin/directory/projects/new")
    String createProject(@Valid @ModelAttribute("form") ProjectForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form, null));
        if (errors.hasErrors()) {
            return projectPage(model, null);
        }
        long id = service.createProject(form);
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory/projects/" + id;
    }

    @GetMapping("/admin/directory/projects/{id}")
    String editProject(@PathVariable long id, Model model) {
        model.addAttribute("form", StructureService.formOf(store.project(id).orElseThrow(() -> new NotFoundException("No such project"))));
        return projectPage(model, id);
    }

    @PostMapping("/admin/directory/projects/{id}")
    String updateProject(@PathVariable long id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect) {
        FormErrors.add(errors, model, service.problems(form, id));
        if (errors.hasErrors()) {
            return projectPage(model, id);
        }
        service.updateProject(id, form);
        redirect.addFlashAttribute("notice", SAVED);
        return "redirect:/admin/directory/projects/" + id;
    }

    private String projectPage(Model model, Long id) {
        model.addAttribute("projectId", id);
        model.addAttribute("organizations", organizations.search(OrganizationStore.Filter.all()));
        return "admin/directory/project";
    }
}
