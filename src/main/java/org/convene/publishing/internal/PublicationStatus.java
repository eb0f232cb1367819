package org.convene.publishing.internal;

/** The editorial workflow of a publication and of each of its translations. */
public enum PublicationStatus {
    DRAFT, IN_REVIEW, PUBLISHED
}
