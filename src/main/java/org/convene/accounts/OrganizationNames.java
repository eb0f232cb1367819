package org.convene.accounts;

import java.util.Optional;

/**
 * The name of a member organization, for staff lists and invitations. The directory implements
 * it (accounts may not depend on the directory); without an implementation pages show "#id".
 */
public interface OrganizationNames {

    Optional<String> nameOf(long organizationId);
}
