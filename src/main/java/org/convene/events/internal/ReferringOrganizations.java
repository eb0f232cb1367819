package org.convene.events.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.accounts.OrganizationNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Member organizations as referrers: a referral link names the organization by its number
 * ({@code ?via=12}), which the directory's {@link OrganizationNames} must know; anything else is
 * ignored, never an error.
 */
@Component
public class ReferringOrganizations {

    private final ObjectProvider<OrganizationNames> names;

    ReferringOrganizations(ObjectProvider<OrganizationNames> names) {
        this.names = names;
    }

    /** The organization a {@code via} value names, or empty when it is malformed or unknown. */
    public Optional<Long> resolve(String via) {
        if (via == null || !via.strip().matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        long id = Long.parseLong(via.strip());
        OrganizationNames directory = names.getIfAvailable();
        return directory != null && id > 0 && directory.nameOf(id).isPresent() ? Optional.of(id) : Optional.empty();
    }

    /** Active member organizations by name, for the link generator. */
    public List<OrganizationNames.Choice> choices() {
        OrganizationNames directory = names.getIfAvailable();
        return directory == null ? List.of() : directory.choices();
    }

    /** Names of the given organizations ("#id" for one the directory no longer knows). */
    public Map<Long, String> names(Iterable<Long> ids) {
        OrganizationNames directory = names.getIfAvailable();
        Map<Long, String> result = new LinkedHashMap<>();
        for (Long id : ids) {
            if (id != null && !result.containsKey(id)) {
                result.put(id, directory == null ? "#" + id : directory.nameOf(id).orElse("#" + id));
            }
        }
        return result;
    }
}
