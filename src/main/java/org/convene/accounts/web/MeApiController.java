package org.convene.accounts.web;

import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.convene.platform.web.ApiController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

/** Who the API token belongs to: a cheap way for a script to check its token. */
@ApiController("/api/v1/me")
@Tag(name = "Accounts", description = "The staff account behind a personal API token")
class MeApiController {

    record Me(long id, String email, String displayName, String role, Long organizationId) {
    }

    @PreAuthorize("hasRole('STAFF')")
    @GetMapping
    @Operation(summary = "The staff account the token belongs to")
    Me me() {
        StaffMember m = CurrentStaff.required();
        return new Me(m.id(), m.email(), m.displayName(), m.role().name(), m.organizationId());
    }
}
