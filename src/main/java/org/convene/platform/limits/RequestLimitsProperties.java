package org.convene.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry.
 *
 * @param maxBodyBytes the largest request body that is not a file upload (forms, JSON); uploads are
 *                     limited by {@code spring.servlet.multipart.max-file-size} and {@code max-request-size}
 */
@ConfigurationProperties("convene.web")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxBodyBytes) {
}
