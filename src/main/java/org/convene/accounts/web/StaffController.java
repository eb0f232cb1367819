package org.convene.accounts.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.Invitations;
import org.convene.accounts.OrganizationNames;
import org.convene.accounts.StaffMember;
import org.convene.accounts.StaffRole;
import org.convene.accounts.internal.StaffAccounts;
import org.convene.accounts.internal.StaffAdministration;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff list with invitations and deactivation. Network admins see and manage everyone;
 * organization admins their own organization's staff; editors have no access.
 */
@Controller
@RequestMapping("/admin/staff")
@PreAuthorize("hasAnyRole('NETWORK_ADMIN', 'ORG_ADMIN')")
class StaffController {

    private final StaffAccounts accounts;
    private final StaffAdministration administration;
    private final Invitations invitations;
    private final ObjectProvider<OrganizationNames> organizationNames;

    StaffController(StaffAccounts accounts, StaffAdministration administration, Invitations invitations,
                    ObjectProvider<OrganizationNames> organizationNames) {
        this.accounts = accounts;
        this.administration = administration;
        this.invitations = invitations;
        this.organizationNames = organizationNames;
    }

    public static class InviteForm {
        private String email;
        private StaffRole role = StaffRole.ORG_EDITOR;
        private Long organizationId;

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public StaffRole getRole() { return role; }
        public void setRole(StaffRole role) { this.role = role; }
        public Long getOrganizationId() { return organizationId; }
        public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    }

    @GetMapping
    String list(@RequestParam(name = "organization", required = false) Long preselected, Model model) {
        if (!model.containsAttribute("inviteForm")) {
            InviteForm form = new InviteForm();
            form.setOrganizationId(preselected);
            model.addAttribute("inviteForm", form);
        }
        return list(model);
    }

    private String list(Model model) {
        StaffMember me = CurrentStaff.required();
        List<StaffAccounts.Listed> staff = accounts.list(me.isNetworkAdmin() ? null : me.organizationId());
        Map<Long, String> names = new HashMap<>();
        staff.stream().map(s -> s.member().organizationId()).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> names.put(id, organizationName(id)));
        model.addAttribute("staffList", staff);
        model.addAttribute("organizationNames", names);
        model.addAttribute("manageable", staff.stream().filter(s -> s.active() && administration.mayManage(me, s.member()))
                .map(s -> s.member().id()).toList());
        model.addAttribute("roles", me.isNetworkAdmin() ? List.of(StaffRole.values()) : List.of(StaffRole.ORG_ADMIN, StaffRole.ORG_EDITOR));
        if (!me.isNetworkAdmin()) {
            model.addAttribute("ownOrganization", organizationName(me.organizationId()));
        } else {
            OrganizationNames directory = organizationNames.getIfAvailable();
            model.addAttribute("organizationChoices", directory == null ? List.of() : directory.choices());
        }
        return "accounts/staff";
    }

    @PostMapping("/invite")
    String invite(@ModelAttribute("inviteForm") InviteForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        StaffMember me = CurrentStaff.required();
        if (errors.hasErrors()) {
            return list(model);
        }
        Long organization = me.isNetworkAdmin()
                ? (form.getRole() == StaffRole.NETWORK_ADMIN ? null : form.getOrganizationId())
                : me.organizationId();
        if (!me.isNetworkAdmin() && form.getRole() == StaffRole.NETWORK_ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("Only network admins invite network admins");
        }
        if (form.getRole() == null) {
            errors.rejectValue("role", "NotNull");
            return list(model);
        }
        if (form.getRole() != StaffRole.NETWORK_ADMIN && organization == null) {
            errors.rejectValue("organizationId", "staff.invite.organizationRequired");
            return list(model);
        }
        try {
            invitations.invite(form.getEmail(), form.getRole(), organization);
        } catch (InvalidInputException e) {
            e.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            return list(model);
        }
        redirect.addFlashAttribute("notice", "staff.invite.sent");
        redirect.addFlashAttribute("invitedEmail", form.getEmail().strip());
        return "redirect:/admin/staff";
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        if (!administration.deactivate(CurrentStaff.required(), id)) {
            throw new NotFoundException("No such staff account that you manage");
        }
        redirect.addFlashAttribute("notice", "staff.deactivated");
        return "redirect:/admin/staff";
    }

    private String organizationName(long id) {
        OrganizationNames names = organizationNames.getIfAvailable();
        return (names == null ? java.util.Optional.<String>empty() : names.nameOf(id)).orElse("#" + id);
    }
}
