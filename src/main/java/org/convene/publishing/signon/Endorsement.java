package org.convene.publishing.signon;

import java.time.Instant;

/**
 * One endorsement of a statement.
 *
 * @param organizationId the member organization (MEMBER only)
 * @param affiliation    an individual's organization or role, as they wrote it
 * @param contactName    the contact person of a non-member organization (never public)
 * @param email          the contact e-mail of a non-member organization or an individual's e-mail (never public)
 * @param language       the language the endorsement was made in, for the mails about it
 */
public record Endorsement(long id, long publicationId, EndorsementKind kind, Long organizationId, String name, String affiliation,
                          String country, String website, String contactName, String email, String language,
                          EndorsementStatus status, Instant createdAt, Instant verifiedAt) {

    public boolean isShown() {
        return status == EndorsementStatus.VERIFIED;
    }
}
