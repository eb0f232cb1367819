package org.convene.campaigns.actions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The campaign map.
 *
 * @param tileUrl     Leaflet tile URL template ({s}, {z}, {x}, {y}); empty for no tiles (markers on a plain background)
 * @param attribution the attribution the tile server asks for, shown in the map's corner
 * @param refresh     how often the map and figures reload themselves on a day of action
 */
@ConfigurationProperties("convene.campaigns.map")
public record CampaignMapProperties(@DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
                                    @DefaultValue("© OpenStreetMap contributors") String attribution,
                                    @DefaultValue("60s") Duration refresh) {

    public boolean hasTiles() {
        return tileUrl != null && !tileUrl.isBlank();
    }

    /**
     * The scheme and host of the tile server for the Content-Security-Policy's img-src, with a
     * {s} subdomain placeholder as a wildcard; null without tiles or with a URL that is no http(s) URL.
     */
    public String tileOrigin() {
        if (!hasTiles()) {
            return null;
        }
        String template = tileUrl.strip();
        int schemeEnd = template.indexOf("://");
        if (schemeEnd < 0) {
            return null;
        }
        String scheme = template.substring(0, schemeEnd);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return null;
        }
        String rest = template.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        authority = authority.replace("{s}", "*");
        if (!authority.matches("(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?")) {
            return null;
        }
        return scheme + "://" + authority;
    }
}
