package org.convene.publishing.signon;

/** Who endorses: a member organization (by its admin), another organization (verified by staff), or a person. */
public enum EndorsementKind {
    MEMBER, ORGANIZATION, INDIVIDUAL
}
