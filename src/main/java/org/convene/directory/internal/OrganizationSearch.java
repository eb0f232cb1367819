package org.convene.directory.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convene.directory.DemoNetworkLoaded;
import org.convene.directory.internal.Records.Organization;
import org.convene.search.SearchDocument;
import org.convene.search.SearchIndex;
import org.convene.search.SearchKind;
import org.convene.search.SearchRegions;
import org.convene.search.SearchSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps active member organizations in the search index (one document per language of their
 * description; suspended ones are removed) and names the regions for the search page's filter.
 */
@Component
class OrganizationSearch implements SearchSource, SearchRegions {

    private final SearchIndex index;
    private final OrganizationStore organizations;
    private final StructureStore structure;

    OrganizationSearch(SearchIndex index, OrganizationStore organizations, StructureStore structure) {
        this.index = index;
        this.organizations = organizations;
        this.structure = structure;
    }

    void changed(long id) {
        organizations.byId(id).ifPresentOrElse(this::changed, () -> index.remove(SearchKind.ORGANIZATION, id));
    }

    private void changed(Organization o) {
        if (!o.active()) {
            index.remove(SearchKind.ORGANIZATION, o.id());
            return;
        }
        List<String> languages = o.description().isEmpty() ? List.of(o.description().fallback())
                : new ArrayList<>(o.description().values().keySet());
        String title = o.shortName() == null ? o.name() : o.name() + " (" + o.shortName() + ")";
        index.replace(SearchKind.ORGANIZATION, o.id(), languages.stream()
                .map(language -> new SearchDocument(SearchKind.ORGANIZATION, o.id(), language, title,
                        o.description().in(language) + "\n" + Locale.of("", o.country()).getDisplayCountry(Locale.forLanguageTag(language)),
                        "/directory/" + o.slug(), o.regionId(), o.country(), o.id(), o.joinedOn().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .toList());
    }

    @Override
    public String name() {
        return "organizations";
    }

    @Override
    public void reindex(SearchIndex into) {
        organizations.search(OrganizationStore.Filter.all()).forEach(this::changed);
    }

    /** The demo network's organizations are written straight into the store. */
    @EventListener
    void demoLoaded(DemoNetworkLoaded loaded) {
        reindex(index);
    }

    @Override
    public List<Region> regions(Locale locale) {
        return structure.regions(false).stream().map(r -> new Region(r.id(), r.name().in(locale))).toList();
    }
}
