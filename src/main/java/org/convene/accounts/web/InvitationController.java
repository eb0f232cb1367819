package org.convene.accounts.web;

import jakarta.annotation.security.PermitAll;
import org.convene.accounts.Invitations;
import org.convene.accounts.OrganizationNames;
import org.convene.accounts.internal.PasswordPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page behind an invitation link: choose a name and a password, and the account exists. */
@Controller
class InvitationController {

    private final Invitations invitations;
    private final PasswordPolicy policy;
    private final ObjectProvider<OrganizationNames> organizationNames;

    InvitationController(Invitations invitations, PasswordPolicy policy, ObjectProvider<OrganizationNames> organizationNames) {
        this.invitations = invitations;
        this.policy = policy;
        this.organizationNames = organizationNames;
    }

    public static class AcceptForm {
        private String name;
        private String password;
        private String confirmPassword;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getConfirmPassword() { return confirmPassword; }
        public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
    }

    @PermitAll
    @GetMapping("/invitation/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("form", new AcceptForm());
        return show(token, model);
    }

    @PermitAll
    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, @ModelAttribute("form") AcceptForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Invitations.Invitation invitation = invitations.find(token).orElseThrow(LinkNotValidException::new);
        String name = form.getName() == null ? "" : form.getName().strip();
        if (name.isEmpty()) {
            errors.rejectValue("name", "NotBlank");
        } else if (name.length() > 100) {
            errors.rejectValue("name", "Size", new Object[] {"name", 100, 1}, null);
        }
        policy.check(form.getPassword(), form.getConfirmPassword(), invitation.email(), "password", errors);
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            return show(token, model);
        }
        invitations.accept(token, name, form.getPassword()).orElseThrow(LinkNotValidException::new);
        redirect.addFlashAttribute("notice", "invitation.accepted");
        return "redirect:/login";
    }

    private String show(String token, Model model) {
        Invitations.Invitation invitation = invitations.find(token).orElseThrow(LinkNotValidException::new);
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        // first-strong isolates keep an address or a name whole inside right-to-left text
        model.addAttribute("isolatedEmail", "\u2068" + invitation.email() + "\u2069");
        if (invitation.organizationId() != null) {
            OrganizationNames names = organizationNames.getIfAvailable();
            model.addAttribute("organizationName", "\u2068" + (names == null ? java.util.Optional.<String>empty()
                    : names.nameOf(invitation.organizationId())).orElse("#" + invitation.organizationId()) + "\u2069");
        }
        return "accounts/invitation";
    }
}
