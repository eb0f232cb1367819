package org.convene.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and tools for photos and videos sent from the ground (campaign footage).
 *
 * @param maxPhotoBytes     the largest photo accepted
 * @param maxVideoBytes     the largest video accepted
 * @param maxPhotoPixels    the most pixels (width x height) a photo may declare; checked before decoding
 * @param thumbnailSide     the longest side of a thumbnail
 * @param processingThreads how many photos or videos are decoded or remuxed at once (each decoded
 *                          photo takes 4 bytes a pixel of heap, so this bounds memory)
 * @param ffmpeg            the ffmpeg program (videos lose their container metadata through it)
 * @param ffprobe           the ffprobe program (checks that a video is whole)
 * @param videoTimeout      the longest an ffmpeg or ffprobe run may take
 */
@ConfigurationProperties("convene.media.footage")
public record GroundMediaProperties(@DefaultValue("26214400") long maxPhotoBytes,
                                    @DefaultValue("2147483648") long maxVideoBytes,
                                    @DefaultValue("60000000") long maxPhotoPixels,
                                    @DefaultValue("480") int thumbnailSide,
                                    @DefaultValue("2") int processingThreads,
                                    @DefaultValue("ffmpeg") String ffmpeg,
                                    @DefaultValue("ffprobe") String ffprobe,
                                    @DefaultValue("10m") Duration videoTimeout) {
}
