package org.convene.accounts.internal;

import java.util.Optional;
import org.convene.accounts.StaffMember;
import org.convene.accounts.StaffRole;
import org.convene.platform.security.SecretTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Personal API tokens. The token is shown once when created; only its SHA-256 hash is kept. */
@Service
public class ApiTokens {

    static final String PREFIX = "cvn_";

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Created(long id, String token) {
    }

    public Created create(long accountId, String name) {
        String token = PREFIX + SecretTokens.random();
        long id = jdbc.sql("INSERT INTO api_token (account_id, name, token_hash) VALUES (:account, :name, :hash) RETURNING id")
                .param("account", accountId).param("name", name.strip()).param("hash", SecretTokens.hash(token))
                .query(Long.class).single();
        return new Created(id, token);
    }

    /** A token as its owner sees it in the list (never the token itself). */
    public record Listed(long id, String name, java.time.OffsetDateTime createdAt, java.time.OffsetDateTime lastUsedAt) {
    }

    /** The account's tokens that still work, newest first. */
    public java.util.List<Listed> list(long accountId) {
        return jdbc.sql("""
                        SELECT id, name, created_at, last_used_at FROM api_token
                        WHERE account_id = :account AND revoked_at IS NULL ORDER BY created_at DESC, id DESC""")
                .param("account", accountId)
                .query((rs, n) -> new Listed(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("last_used_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the account's own tokens; false when it has no such working token. */
    public boolean revoke(long accountId, long tokenId) {
        return jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = :id AND account_id = :account AND revoked_at IS NULL")
                .param("id", tokenId).param("account", accountId).update() == 1;
    }

    /** The active staff member a token belongs to, if the token is valid and not revoked. */
    public Optional<StaffMember> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE api_token t SET last_used_at = now()
                        FROM staff_account a
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND a.id = t.account_id AND a.active
                        RETURNING a.id, a.email, a.display_name, a.role, a.organization_id""")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        StaffRole.valueOf(rs.getString("role")), (Long) rs.getObject("organization_id")))
                .optional();
    }

}
