package org.convene.accounts.web;

import org.convene.accounts.AuditLog;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.accounts.internal.ApiTokens;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member's personal API tokens: create (the token is shown once), list and revoke. */
@Controller
@RequestMapping("/account/tokens")
@PreAuthorize("hasRole('STAFF')")
class ApiTokensController {

    static final int MAX_NAME = 100;

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ApiTokensController(ApiTokens tokens, AuditLog audit, TransactionTemplate transactions) {
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.list(me().id()));
        model.addAttribute("maxName", MAX_NAME);
        return "accounts/tokens";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            model.addAttribute("nameError", trimmed.isEmpty() ? "NotBlank" : "tokens.name.tooLong");
            model.addAttribute("name", name);
            return list(model);
        }
        ApiTokens.Created created = transactions.execute(tx -> {
            ApiTokens.Created c = tokens.create(me().id(), trimmed);
            audit.record("api-token.created", "api_token", c.id(), trimmed);
            return c;
        });
        redirect.addFlashAttribute("newToken", created.token());
        redirect.addFlashAttribute("newTokenName", trimmed);
        return "redirect:/account/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        boolean revoked = Boolean.TRUE.equals(transactions.execute(tx -> {
            boolean done = tokens.revoke(me().id(), id);
            if (done) {
                audit.record("api-token.revoked", "api_token", id, null);
            }
            return done;
        }));
        if (!revoked) {
            throw new NotFoundException("No such token of yours");
        }
        redirect.addFlashAttribute("notice", "tokens.revoked");
        return "redirect:/account/tokens";
    }

    private static StaffMember me() {
        return CurrentStaff.required();
    }
}
