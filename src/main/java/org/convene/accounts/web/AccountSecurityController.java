package org.convene.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.accounts.internal.AccountSecurity;
import org.convene.accounts.internal.PasswordPolicy;
import org.convene.accounts.internal.StaffAccounts;
import org.convene.accounts.internal.StaffSessions;
import org.convene.accounts.internal.TwoFactor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My account security": password, e-mail address, two-factor authentication and sessions.
 * Changes need a fresh re-authentication; ending the other sessions does not.
 */
@Controller
@RequestMapping("/account/security")
@PreAuthorize("hasRole('STAFF')")
class AccountSecurityController {

    private static final String ENROL_SECRET = "convene.enrolSecret";
    private static final String PAGE = "accounts/security";

    private final AccountSecurity security;
    private final TwoFactor twoFactor;
    private final PasswordPolicy policy;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;

    AccountSecurityController(AccountSecurity security, TwoFactor twoFactor, PasswordPolicy policy, StaffAccounts accounts,
                              StaffSessions sessions) {
        this.security = security;
        this.twoFactor = twoFactor;
        this.policy = policy;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public static class ConfirmForm {
        private String password;
        private String code;

        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
    }

    public static class PasswordForm {
        private String newPassword;
        private String confirmPassword;
        private boolean endOtherSessions = true;

        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
        public String getConfirmPassword() { return confirmPassword; }
        public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
        public boolean isEndOtherSessions() { return endOtherSessions; }
        public void setEndOtherSessions(boolean endOtherSessions) { this.endOtherSessions = endOtherSessions; }
    }

    public static class EmailForm {
        private String email;

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    @GetMapping
    String page(Model model, HttpSession session) {
        return show(model, session);
    }

    @PostMapping("/confirm")
    String confirm(@ModelAttribute("confirmForm") ConfirmForm form, BindingResult errors, Model model, HttpSession session) {
        if (!security.reauthenticate(session, me().id(), form.getPassword(), form.getCode())) {
            errors.rejectValue("password", "security.confirm.failed");
            form.setPassword(null);
            form.setCode(null);
            return show(model, session);
        }
        return "redirect:/account/security";
    }

    @PostMapping("/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model model,
                          HttpServletRequest request, RedirectAttributes redirect) {
        if (!security.isReauthenticated(request.getSession(false))) {
            return "redirect:/account/security?confirm";
        }
        policy.check(form.getNewPassword(), form.getConfirmPassword(), me().email(), "newPassword", errors);
        if (errors.hasErrors()) {
            form.setNewPassword(null);
            form.setConfirmPassword(null);
            return show(model, request.getSession());
        }
        security.changePassword(me(), form.getNewPassword(), form.isEndOtherSessions(), request.getSession().getId());
        redirect.addFlashAttribute("notice", "security.password.changed");
        return "redirect:/account/security";
    }

    @PostMapping("/email")
    String changeEmail(@ModelAttribute("emailForm") EmailForm form, BindingResult errors, Model model,
                       HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!security.isReauthenticated(request.getSession(false))) {
            return "redirect:/account/security?confirm";
        }
        String email = form.getEmail() == null ? "" : form.getEmail().strip();
        if (email.isEmpty()) {
            errors.rejectValue("email", "NotBlank");
        } else if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.rejectValue("email", "Email");
        } else if (accounts.emailTaken(email)) {
            errors.rejectValue("email", "security.email.taken");
        }
        if (errors.hasErrors()) {
            return show(model, request.getSession());
        }
        security.changeEmail(me(), email, request, response);
        redirect.addFlashAttribute("notice", "security.email.changed");
        return "redirect:/account/security";
    }

    @PostMapping("/sessions/end")
    String endOtherSessions(HttpSession session, RedirectAttributes redirect) {
        int ended = security.endOtherSessions(me(), session.getId());
        redirect.addFlashAttribute("notice", "security.sessions.ended");
        redirect.addFlashAttribute("endedSessions", ended);
        return "redirect:/account/security";
    }

    @PostMapping("/two-factor/start")
    String startEnrolment(HttpSession session) {
        if (!security.isReauthenticated(session)) {
            return "redirect:/account/security?confirm";
        }
        session.setAttribute(ENROL_SECRET, twoFactor.newSecret());
        return "redirect:/account/security/two-factor";
    }

    @GetMapping("/two-factor")
    String enrolment(HttpSession session, Model model) {
        if (!(session.getAttribute(ENROL_SECRET) instanceof String secret) || !security.isReauthenticated(session)) {
            return "redirect:/account/security";
        }
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", twoFactor.qrCode(secret, me().email()));
        return "accounts/two-factor-enrol";
    }

    @PostMapping("/two-factor")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
        if (!(session.getAttribute(ENROL_SECRET) instanceof String secret) || !security.isReauthenticated(session)) {
            return "redirect:/account/security";
        }
        List<String> recoveryCodes = security.enableTwoFactor(me(), secret, code);
        if (recoveryCodes.isEmpty()) {
            model.addAttribute("wrongCode", true);
            return enrolment(session, model);
        }
        session.removeAttribute(ENROL_SECRET);
        model.addAttribute("recoveryCodes", recoveryCodes);
        return "accounts/recovery-codes";
    }

    @PostMapping("/two-factor/recovery-codes")
    String newRecoveryCodes(HttpSession session, Model model) {
        if (!security.isReauthenticated(session) || !twoFactor.isEnabled(me().id())) {
            return "redirect:/account/security?confirm";
        }
        model.addAttribute("recoveryCodes", security.newRecoveryCodes(me()));
        return "accounts/recovery-codes";
    }

    @PostMapping("/two-factor/disable")
    String disable(HttpSession session, RedirectAttributes redirect) {
        if (!security.isReauthenticated(session)) {
            return "redirect:/account/security?confirm";
        }
        security.disableTwoFactor(me());
        redirect.addFlashAttribute("notice", "security.twoFactor.disabled");
        return "redirect:/account/security";
    }

    private String show(Model model, HttpSession session) {
        StaffMember me = me();
        model.addAttribute("reauthenticated", security.isReauthenticated(session));
        model.addAttribute("twoFactorEnabled", twoFactor.isEnabled(me.id()));
        model.addAttribute("recoveryCodesLeft", twoFactor.unusedRecoveryCodes(me.id()));
        model.addAttribute("otherSessions", Math.max(0, sessions.count(me.email()) - 1));
        if (!model.containsAttribute("confirmForm")) {
            model.addAttribute("confirmForm", new ConfirmForm());
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new EmailForm());
        }
        return PAGE;
    }

    private static StaffMember me() {
        return CurrentStaff.required();
    }
}
