package org.convene.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.convene.platform.i18n.TranslatedText;

/**
 * What other modules may read of the directory: member organizations with their country and
 * region, the regions, and the bodies with the organizations that sit in them (for events
 * limited to a body's staff, calendar feeds per body and filters by region).
 */
public interface MemberDirectory {

    record MemberOrganization(long id, String name, String slug, String country, Long regionId) {
    }

    record DirectoryRegion(long id, TranslatedText name, String slug) {
    }

    record DirectoryBody(long id, String name, String slug) {
    }

    /** Active member organizations by name. */
    List<MemberOrganization> organizations();

    Optional<MemberOrganization> organization(long id);

    Optional<MemberOrganization> organizationBySlug(String slug);

    /** Active regions in their order. */
    List<DirectoryRegion> regions();

    /** Active bodies by name. */
    List<DirectoryBody> bodies();

    Optional<DirectoryBody> body(long id);

    Optional<DirectoryBody> bodyBySlug(String slug);

    /** The member organizations that sit in a body (any role). */
    Set<Long> organizationsOf(long bodyId);
}
