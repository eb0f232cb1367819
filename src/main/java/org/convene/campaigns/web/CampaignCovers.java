package org.convene.campaigns.web;

import java.io.InputStream;
import java.nio.file.Path;
import org.convene.campaigns.internal.Campaigns;
import org.convene.media.Images;
import org.convene.media.MediaProperties;
import org.springframework.stereotype.Component;

/**
 * A campaign's cover picture: media's {@link Images} checks it by content and stores it only once
 * it passed; if the campaign cannot then be saved, the stored picture is removed again.
 */
@Component
class CampaignCovers {

    private final Campaigns campaigns;
    private final Images images;
    private final Path mediaDir;

    CampaignCovers(Campaigns campaigns, Images images, MediaProperties media) {
        this.campaigns = campaigns;
        this.images = images;
        this.mediaDir = media.dir();
    }

    /** @throws org.convene.media.RefusedImageException when the upload is not an accepted image */
    String set(long campaignId, InputStream upload, long declaredSize) {
        String name = images.storeCover(upload, declaredSize);
        try {
            campaigns.setCoverImage(campaignId, name);
            return name;
        } catch (RuntimeException failed) {
            ToolkitFiles.deleteQuietly(mediaDir.resolve(name));
            throw failed;
        }
    }
}
