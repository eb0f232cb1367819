package org.convene.accounts;

import java.util.List;
import java.util.Optional;

/**
 * The names of member organizations, for staff lists and invitations. The directory implements
 * it (accounts may not depend on the directory); without an implementation pages show "#id" and
 * ask for an organization's number.
 */
public interface OrganizationNames {

    record Choice(long id, String name) {
    }

    Optional<String> nameOf(long organizationId);

    /** The organizations staff can be invited to, by name. */
    List<Choice> choices();
}
