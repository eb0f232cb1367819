package org.convene.campaigns.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Toolkit files staff attach to a campaign's action types.
 *
 * @param maxBytes the largest toolkit file accepted, in bytes (uploads are also bounded by
 *                 {@code spring.servlet.multipart.max-file-size})
 */
@ConfigurationProperties("convene.campaigns.toolkit")
public record ToolkitProperties(@DefaultValue("5242880") long maxBytes) {
}
