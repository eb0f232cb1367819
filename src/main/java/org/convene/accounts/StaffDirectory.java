package org.convene.accounts;

import org.convene.accounts.internal.StaffAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates staff accounts for other modules (for example the demo network's admin). */
@Service
public class StaffDirectory {

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;

    StaffDirectory(StaffAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    public boolean emailTaken(String email) {
        return accounts.emailTaken(email);
    }

    /** Creates an account with this password (hashed here); returns its id. */
    @Transactional
    public long createAccount(String email, String displayName, String password, StaffRole role, Long organizationId) {
        return accounts.create(email, displayName, encoder.encode(password), role, organizationId);
    }

    /** The staff member with this id while their account is active (for links that stand for them, such as a private calendar feed). */
    public java.util.Optional<StaffMember> activeMember(long id) {
        return accounts.byId(id).filter(StaffAccounts.Account::active).map(StaffAccounts.Account::member);
    }
}
