package org.convene.accounts;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member behind the current request, whether they came through a login or an API token. */
public final class CurrentStaff {

    /** Implemented by every principal that stands for a staff account. */
    public interface Principal {
        StaffMember member();
    }

    private CurrentStaff() {
    }

    public static Optional<StaffMember> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Principal principal) {
            return Optional.of(principal.member());
        }
        return Optional.empty();
    }

    public static StaffMember required() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }
}
