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

    /** A row of the staff list. */
    public record Listed(StaffMember member, boolean active, boolean twoFactor, java.time.OffsetDateTime createdAt) {
    }

    private static final String COLUMNS = "id, email, display_name, role, organization_id, password_hash, active";

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE lower(email) = lower(:email)")
                .param("email", email == null ? "" : email.strip())
                .query(StaffAccounts::account)
                .optional();
    }

    public Optional<Account> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE id = :id").param("id", id)
                .query(StaffAccounts::account).optional();
    }

    private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Account(
                new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        StaffRole.valueOf(rs.getString("role")), (Long) rs.getObject("organization_id")),
                rs.getString("password_hash"), rs.getBoolean("active"));
    }

    /** Staff of one organization, or everyone when {@code organizationId} is null; active first, then by name. */
    public java.util.List<Listed> list(Long organizationId) {
        return jdbc.sql("""
                        SELECT id, email, display_name, role, organization_id, active, totp_secret IS NOT NULL AS two_factor, created_at
                        FROM staff_account WHERE CAST(:org AS BIGINT) IS NULL OR organization_id = :org
                        ORDER BY active DESC, lower(display_name), id""")
                .param("org", organizationId)
                .query((rs, n) -> new Listed(new StaffMember(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        StaffRole.valueOf(rs.getString("role")), (Long) rs.getObject("organization_id")),
                        rs.getBoolean("active"), rs.getBoolean("two_factor"), rs.getObject("created_at", java.time.OffsetDateTime.class)))
                .list();
    }

    public void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE staff_account SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    public void changeEmail(long id, String email) {
        jdbc.sql("UPDATE staff_account SET email = :email, updated_at = now() WHERE id = :id")
                .param("email", email.strip()).param("id", id).update();
    }

    public void deactivate(long id) {
        jdbc.sql("UPDATE staff_account SET active = FALSE, updated_at = now() WHERE id = :id").param("id", id).update();
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
