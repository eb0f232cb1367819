package org.convene.campaigns.footage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Footage submissions.
 *
 * @param chunkSize        the size of each chunk of a resumable upload (the last one may be smaller);
 *                         chunk requests may be this large whatever {@code convene.web.max-body-bytes} says
 * @param abandonAfter     how long an upload may go without a new chunk before it and its bytes are deleted
 * @param uploadsPerMinute uploads (API sessions and form posts) started per client address and minute on each node
 */
@ConfigurationProperties("convene.campaigns.footage")
public record FootageProperties(@DefaultValue("8MB") DataSize chunkSize,
                                @DefaultValue("24h") Duration abandonAfter,
                                @DefaultValue("60") int uploadsPerMinute) {
}
