package org.convene.accounts.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class StaffDetailsService implements UserDetailsService {

    private final StaffAccounts accounts;

    StaffDetailsService(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.byEmail(email)
                .map(a -> new StaffPrincipal(a.member(), a.passwordHash(), a.active()))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff account"));
    }
}
