package org.convene.directory.internal;

import java.time.LocalDate;
import java.util.List;
import org.convene.platform.i18n.TranslatedText;

/** The directory's records as the database holds them. */
public final class Records {

    private Records() {
    }

    public record NetworkProfile(String name, TranslatedText description, String logo, String contactEmail,
                                 String website, String socialHandles) {
    }

    public record Region(long id, TranslatedText name, String slug, int sortOrder, boolean active) {
    }

    public record Organization(long id, String name, String shortName, String slug, String country, Long regionId,
                               List<String> languages, String website, String socialHandles, TranslatedText description,
                               String logo, String status, LocalDate joinedOn) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record Body(long id, String name, String slug, TranslatedText description, boolean active) {
    }

    public record BodyMember(long organizationId, String organizationName, String organizationSlug, String role,
                             boolean organizationActive) {
    }

    public record PartnerProject(long id, String name, String slug, TranslatedText description, String website,
                                 boolean active, List<Long> organizationIds) {
    }

    /** The roles an organization can hold in a body. */
    public static final List<String> BODY_ROLES = List.of("CHAIR", "VICE_CHAIR", "SECRETARY", "TREASURER", "MEMBER", "OBSERVER");
}
