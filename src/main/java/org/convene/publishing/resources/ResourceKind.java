package org.convene.publishing.resources;

/** What a resource is, as the library filters it: a document file, an image file or a link elsewhere. */
public enum ResourceKind {
    DOCUMENT, IMAGE, LINK
}
