package org.convene.accounts.web;

import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.convene.platform.web.ApiController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

/** Who the API token belongs to: a cheap way for a script to check its token. */
@ApiController("/api/v1/me")
class MeApiController {

    record Me(long id, String email, String displayName, String role, Long organizationId) {
    }

    @PreAuthorize("hasRole('STAFF')")
    @GetMapping
    Me me() {
        StaffMember m = CurrentStaff.required();
        return new Me(m.id(), m.email(), m.displayName(), m.role().name(), m.organizationId());
    }
}
