package org.convene.accounts.internal;

import java.util.Optional;
import org.convene.accounts.StaffMember;
import org.convene.accounts.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff_account table. */
@Repository
public class StaffAccounts {

    public record Account(StaffMember member, String passwordHash, boolean active) {
    }

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("""
                        SELECT id, email, display_name, role, organization_id, password_hash, active
                        FROM staff_account WHERE lower(email) = lower(:email)""")
                .param("email", email)
                .query((rs, n) -> new Account(
                        new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                                StaffRole.valueOf(rs.getString("role")), (Long) rs.getObject("organization_id")),
                        rs.getString("password_hash"), rs.getBoolean("active")))
                .optional();
    }

    public boolean networkAdminExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_account WHERE role = 'NETWORK_ADMIN' AND active)")
                .query(Boolean.class).single();
    }

    public long create(String email, String displayName, String passwordHash, StaffRole role, Long organizationId) {
        return jdbc.sql("""
                        INSERT INTO staff_account (email, display_name, password_hash, role, organization_id)
                        VALUES (:email, :name, :hash, :role, :org) RETURNING id""")
                .param("email", email.strip())
                .param("name", displayName.strip())
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("org", organizationId)
                .query(Long.class).single();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM staff_account WHERE lower(email) = lower(:email))")
                .param("email", email.strip()).query(Boolean.class).single();
    }
}
