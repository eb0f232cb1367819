package org.convene.newsletter.editions;

import java.util.List;
import org.convene.newsroom.PartnerItems;
import org.springframework.stereotype.Component;

/**
 * The round-up's items come from the partner-media newsroom: staff choose among the items they
 * picked there (the newest first) or, when none is picked, among the newest items of all feeds.
 */
@Component
class NewsroomRoundupSource implements PartnerRoundupSource {

    private final PartnerItems newsroom;

    NewsroomRoundupSource(PartnerItems newsroom) {
        this.newsroom = newsroom;
    }

    @Override
    public List<PartnerItem> items(List<Long> ids) {
        return newsroom.find(ids).stream().map(NewsroomRoundupSource::item).toList();
    }

    @Override
    public List<PartnerItem> recent(int limit) {
        PartnerItems.Filter picked = new PartnerItems.Filter(null, null, null, null, null, true);
        List<PartnerItems.PartnerItem> items = newsroom.recent(picked, limit);
        if (items.isEmpty()) {
            items = newsroom.recent(PartnerItems.Filter.any(), limit);
        }
        return items.stream().map(NewsroomRoundupSource::item).toList();
    }

    private static PartnerItem item(PartnerItems.PartnerItem i) {
        return new PartnerItem(i.id(), i.title(), i.outletName(), i.link(), i.language());
    }
}
