package org.convene.accounts.web;

import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.convene.accounts.internal.PasswordPolicy;
import org.convene.accounts.internal.PasswordResets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Forgot password": ask for a link by e-mail, then set a new password through it. */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final PasswordPolicy policy;

    PasswordResetController(PasswordResets resets, PasswordPolicy policy) {
        this.resets = resets;
        this.policy = policy;
    }

    public static class NewPasswordForm {
        private String password;
        private String confirmPassword;

        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getConfirmPassword() { return confirmPassword; }
        public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
    }

    @PermitAll
    @GetMapping("/password-reset")
    String requestForm(@RequestParam(required = false) String throttled, Model model) {
        model.addAttribute("throttled", throttled != null);
        return "accounts/password-reset-request";
    }

    /** Answers the same whether or not the address has an account. */
    @PermitAll
    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, Locale locale, Model model) {
        if (email.isBlank() || email.length() > 254) {
            model.addAttribute("emailMissing", true);
            return "accounts/password-reset-request";
        }
        resets.request(email, locale);
        return "accounts/password-reset-sent";
    }

    @PermitAll
    @GetMapping("/password-reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        resets.accountFor(token).orElseThrow(LinkNotValidException::new);
        model.addAttribute("token", token);
        model.addAttribute("form", new NewPasswordForm());
        return "accounts/password-reset";
    }

    @PermitAll
    @PostMapping("/password-reset/{token}")
    String reset(@PathVariable String token, @ModelAttribute("form") NewPasswordForm form, BindingResult errors, Model model,
                 RedirectAttributes redirect) {
        var account = resets.accountFor(token).orElseThrow(LinkNotValidException::new);
        policy.check(form.getPassword(), form.getConfirmPassword(), account.member().email(), "password", errors);
        if (errors.hasErrors()) {
            form.setPassword(null);
            form.setConfirmPassword(null);
            model.addAttribute("token", token);
            return "accounts/password-reset";
        }
        if (!resets.reset(token, form.getPassword())) {
            throw new LinkNotValidException();
        }
        redirect.addFlashAttribute("notice", "reset.done");
        return "redirect:/login";
    }
}
