package org.convene.accounts.web;

import org.convene.accounts.internal.AuditEntries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for network admins: newest first, 50 a page, filtered by action. */
@Controller
class AuditController {

    private final AuditEntries entries;

    AuditController(AuditEntries entries) {
        this.entries = entries;
    }

    @PreAuthorize("hasRole('NETWORK_ADMIN')")
    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("auditPage", entries.page(action, page));
        model.addAttribute("actions", entries.actions());
        model.addAttribute("action", action == null ? "" : action);
        return "accounts/audit";
    }
}
