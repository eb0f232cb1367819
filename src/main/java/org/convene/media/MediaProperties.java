package org.convene.media;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploads live and how large they may be.
 *
 * @param dir            the directory stored images are written to
 * @param maxImageBytes  the largest image upload accepted, in bytes
 * @param maxImagePixels the largest width and height an uploaded image may declare, checked before decoding
 * @param logoSize       the largest width and height a stored logo is scaled down to
 */
@ConfigurationProperties("convene.media")
public record MediaProperties(@DefaultValue("./data/media") Path dir,
                              @DefaultValue("5242880") long maxImageBytes,
                              @DefaultValue("4096") int maxImagePixels,
                              @DefaultValue("512") int logoSize) {
}
