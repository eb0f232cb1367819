package org.convene.newsletter.editions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of newsletter editions.
 *
 * @param tracking      open and click tracking; not implemented, so turning it on is refused at start-up
 * @param postalAddress the network's postal address or contact line printed in every newsletter's footer (empty: none)
 * @param archivePageSize how many sent editions one page of the public archive lists
 */
@ConfigurationProperties("convene.newsletter")
public record EditionsProperties(@DefaultValue("false") boolean tracking, @DefaultValue("") String postalAddress,
                                 @DefaultValue("20") int archivePageSize) {

    public EditionsProperties {
        if (tracking) {
            throw new IllegalArgumentException("convene.newsletter.tracking: open and click tracking is not implemented; "
                    + "newsletters are sent without tracking. Remove the setting or set it to false.");
        }
        postalAddress = postalAddress == null ? "" : postalAddress.strip();
        archivePageSize = Math.max(1, Math.min(archivePageSize, 100));
    }
}
