package org.convene.campaigns.gallery;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.campaigns.internal.Campaign;
import org.convene.directory.MemberDirectory;
import org.springframework.stereotype.Component;

/** Turns footage into what pages show, with the organizing organization's name from the directory. */
@Component
class FootageViews {

    private final MemberDirectory directory;

    FootageViews(MemberDirectory directory) {
        this.directory = directory;
    }

    List<FootageView> of(List<FootageItem> items, Campaign campaign, Locale locale) {
        Map<Long, String> names = new HashMap<>();
        return items.stream().map(item -> view(item, campaign, locale, names)).toList();
    }

    FootageView of(FootageItem item, Campaign campaign, Locale locale) {
        return view(item, campaign, locale, new HashMap<>());
    }

    private FootageView view(FootageItem item, Campaign campaign, Locale locale, Map<Long, String> names) {
        String organization = item.organizationId() == null ? null : names.computeIfAbsent(item.organizationId(),
                id -> directory.organization(id).map(MemberDirectory.MemberOrganization::name).orElse(null));
        return FootageView.of(item, campaign.zone(), locale, organization);
    }
}
