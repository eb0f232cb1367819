package org.convene.campaigns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignDraft;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates campaigns for tests, each with a unique title. Tests create campaigns only through this
 * class, so that a change to the campaign's fields is made in one place.
 */
@Component
public class CampaignFixtures {

    private final Campaigns campaigns;
    private final JdbcClient jdbc;

    CampaignFixtures(Campaigns campaigns, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    /** A draft for an open campaign whose day of action is in 20 days, in Lisbon time. */
    public static CampaignDraft draft() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(20);
        return draft(day, day);
    }

    public static CampaignDraft draft(LocalDate firstDay, LocalDate lastDay) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        return new CampaignDraft(new TranslatedText("en", Map.of(
                        "en", "Day of Clean Rivers " + tag,
                        "es", "Día de los Ríos Limpios " + tag,
                        "ar", "يوم الأنهار النظيفة " + tag)),
                new TranslatedText("en", Map.of(
                        "en", "Member organizations gather at their river banks to ask for **clean water** for everyone.",
                        "es", "Las organizaciones miembro se reúnen a la orilla de sus ríos para pedir **agua limpia** para todos.")),
                firstDay, lastDay, "Europe/Lisbon", CampaignStatus.OPEN);
    }

    /** An open campaign whose day of action is in 20 days. */
    public Campaign open() {
        return campaigns.create(draft());
    }

    /** An open campaign over these days. */
    public Campaign open(LocalDate firstDay, LocalDate lastDay) {
        return campaigns.create(draft(firstDay, lastDay));
    }

    public Campaign create(CampaignDraft draft) {
        return campaigns.create(draft);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
