package org.convene.accounts.web;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.convene.accounts.internal.FirstAdminSetup;
import org.convene.accounts.internal.PasswordPolicy;
import org.convene.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page behind the one-time setup link: creates the first network admin. */
@Controller
class SetupController {

    private final FirstAdminSetup setup;
    private final PasswordPolicy policy;

    SetupController(FirstAdminSetup setup, PasswordPolicy policy) {
        this.setup = setup;
        this.policy = policy;
    }

    public static class SetupForm {
        @NotBlank @Email @Size(max = 254)
        private String email;
        @NotBlank @Size(max = 100)
        private String name;
        private String password;
        private String confirmPassword;

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getConfirmPassword() { return confirmPassword; }
        public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
    }

    @ModelAttribute("token")
    String token(@PathVariable String token) {
        return token;
    }

    @PermitAll
    @GetMapping("/setup/{token}")
    String form(@PathVariable String token, Model model) {
        requireValid(token);
        model.addAttribute("form", new SetupForm());
        return "accounts/setup";
    }

    @PermitAll
    @PostMapping("/setup/{token}")
    String create(@PathVariable String token, @Valid @ModelAttribute("form") SetupForm form, BindingResult errors,
                  RedirectAttributes redirect) {
        requireValid(token);
        policy.check(form.getPassword(), form.getConfirmPassword(), form.getEmail(), "password", errors);
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            return "accounts/setup";
        }
        if (!setup.createFirstAdmin(token, form.getEmail(), form.getName(), form.getPassword())) {
            throw new NotFoundException("This setup link has been used already.");
        }
        redirect.addFlashAttribute("notice", "setup.done");
        return "redirect:/login";
    }

    private void requireValid(String token) {
        if (!setup.isValid(token)) {
            throw new NotFoundException("This setup link is not valid or has been used already.");
        }
    }
}
