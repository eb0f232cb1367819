package org.convene.directory.internal;

import java.util.List;
import java.util.Optional;
import org.convene.accounts.OrganizationNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the accounts module (staff lists, invitations) what member organizations are called. */
@Component
class DirectoryOrganizationNames implements OrganizationNames {

    private final JdbcClient jdbc;

    DirectoryOrganizationNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> nameOf(long organizationId) {
        return jdbc.sql("SELECT name FROM organization WHERE id = :id").param("id", organizationId).query(String.class).optional();
    }

    @Override
    public List<Choice> choices() {
        return jdbc.sql("SELECT id, name FROM organization WHERE status = 'ACTIVE' ORDER BY lower(name)")
                .query((rs, n) -> new Choice(rs.getLong("id"), rs.getString("name"))).list();
    }
}
