package org.convene.media;

/** What a file from the ground is, by its content. */
public enum MediaKind {
    PHOTO, VIDEO
}
