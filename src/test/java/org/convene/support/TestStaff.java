package org.convene.support;

import java.util.UUID;
import org.convene.accounts.StaffRole;
import org.convene.accounts.internal.ApiTokens;
import org.convene.accounts.internal.StaffAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates staff accounts for tests, each with a unique e-mail address and a known password. */
@Component
public class TestStaff {

    public static final String PASSWORD = "correct horse battery staple 42";

    public record Login(long id, String email, String password) {
    }

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;

    TestStaff(StaffAccounts accounts, PasswordEncoder encoder, ApiTokens tokens) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.tokens = tokens;
    }

    public Login create(StaffRole role, Long organizationId) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = accounts.create(email, "Test " + role.name().toLowerCase(), encoder.encode(PASSWORD), role, organizationId);
        return new Login(id, email, PASSWORD);
    }

    /** A personal API token of that account, for {@code Authorization: Bearer ...}. */
    public String apiToken(Login login) {
        return tokens.create(login.id(), "test").token();
    }

    public Login networkAdmin() {
        return create(StaffRole.NETWORK_ADMIN, null);
    }
}
