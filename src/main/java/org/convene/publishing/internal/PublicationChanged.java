package org.convene.publishing.internal;

/** Published (as a Spring event) after any change to a publication, so that cached pages are dropped. */
public record PublicationChanged(long publicationId) {
}
