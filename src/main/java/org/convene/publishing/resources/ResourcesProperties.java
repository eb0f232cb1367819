package org.convene.publishing.resources;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The resource library's limits.
 *
 * @param maxFileBytes the largest file accepted; uploads are also bounded by
 *                     {@code spring.servlet.multipart.max-file-size}, so raise both together
 */
@ConfigurationProperties("convene.publishing.resources")
public record ResourcesProperties(@DefaultValue("5242880") long maxFileBytes) {
}
