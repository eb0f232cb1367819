package org.convene.events.internal;

/**
 * The member organization whose referral link ({@code /events/{slug}?via={organization id}}) brought a
 * registrant, and whether the registrant agreed to share name and e-mail with it.
 *
 * @param organizationId null: no referral (then there is nothing to consent to)
 */
public record Referral(Long organizationId, boolean consent) {

    public static final Referral NONE = new Referral(null, false);

    public boolean consented() {
        return organizationId != null && consent;
    }
}
