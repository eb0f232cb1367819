package org.convene.media;

/**
 * A photo or video stored clean by {@link GroundMedia}.
 *
 * @param storedName    the clean file's name in the target directory (server-made)
 * @param thumbnailName a JPEG thumbnail's name in the same directory, or null when none could be made
 * @param width         pixels, or null when unknown
 * @param height        pixels, or null when unknown
 * @param flaggedReason null, or why a moderator should look before publishing (for example, a
 *                      video whose container metadata could not be stripped)
 */
public record CleanMedia(MediaKind kind, String storedName, String thumbnailName, String contentType, long byteSize,
                         Integer width, Integer height, String flaggedReason) {
}
