package org.convene.accounts.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's start page after login. */
@Controller
class AdminHomeController {

    @PreAuthorize("hasRole('STAFF')")
    @GetMapping("/admin")
    String home() {
        return "accounts/admin-home";
    }
}
