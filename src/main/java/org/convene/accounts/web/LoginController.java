package org.convene.accounts.web;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.convene.accounts.internal.AccountsProperties;
import org.convene.accounts.internal.LoginFlow;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, and its second step for accounts with two-factor authentication. */
@Controller
class LoginController {

    private final LoginFlow loginFlow;
    private final AccountsProperties properties;

    LoginController(LoginFlow loginFlow, AccountsProperties properties) {
        this.loginFlow = loginFlow;
        this.properties = properties;
    }

    @PermitAll
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String locked, @RequestParam(required = false) String throttled, Model model) {
        model.addAttribute("loginFailed", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("lockoutMinutes", properties.lockout().toMinutes());
        return "accounts/login";
    }

    @PermitAll
    @GetMapping("/login/two-factor")
    String secondStep(HttpServletRequest request) {
        return loginFlow.pending(request).isPresent() ? "accounts/login-two-factor" : "redirect:/login";
    }

    @PermitAll
    @PostMapping("/login/two-factor")
    String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                     Model model) {
        return switch (loginFlow.completeWithCode(request, response, code)) {
            case SIGNED_IN -> "redirect:" + loginFlow.target(request, response);
            case WRONG_CODE -> {
                model.addAttribute("wrongCode", true);
                yield "accounts/login-two-factor";
            }
            case LOCKED -> "redirect:/login?locked";
            case EXPIRED -> "redirect:/login";
        };
    }
}
