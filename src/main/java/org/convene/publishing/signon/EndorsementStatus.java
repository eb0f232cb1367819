package org.convene.publishing.signon;

/**
 * PENDING: waiting for staff (organizations) or the signer's e-mail confirmation (individuals);
 * VERIFIED: shown; REJECTED: refused by staff; HIDDEN: confirmed but hidden by staff.
 */
public enum EndorsementStatus {
    PENDING, VERIFIED, REJECTED, HIDDEN
}
