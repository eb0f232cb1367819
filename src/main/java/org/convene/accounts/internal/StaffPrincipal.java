package org.convene.accounts.internal;

import java.util.Collection;
import java.util.List;
import org.convene.accounts.CurrentStaff;
import org.convene.accounts.StaffMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A staff account as Spring Security sees it. Kept in the session, so it holds no password after login. */
final class StaffPrincipal implements UserDetails, CredentialsContainer, CurrentStaff.Principal {

    private final StaffMember member;
    private final boolean active;
    private String passwordHash;

    StaffPrincipal(StaffMember member, String passwordHash, boolean active) {
        this.member = member;
        this.passwordHash = passwordHash;
        this.active = active;
    }

    @Override
    public StaffMember member() {
        return member;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(member.role().authority()), new SimpleGrantedAuthority("ROLE_STAFF"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return member.email();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
