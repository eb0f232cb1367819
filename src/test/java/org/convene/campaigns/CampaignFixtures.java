package org.convene.campaigns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convene.campaigns.internal.ActionType;
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

    /** A campaign with everything its page shows, to change field by field: {@code CampaignFixtures.full().hashtags(...).build()}. */
    public static Builder full() {
        return new Builder(draft());
    }

    /** A campaign draft with its details; starts from {@link #draft()} plus a background, two slogans, a photo action, a hashtag and a contact. */
    public static final class Builder {
        private TranslatedText title;
        private TranslatedText call;
        private LocalDate firstDay;
        private LocalDate lastDay;
        private String timeZone;
        private CampaignStatus status;
        private TranslatedText background = new TranslatedText("en", Map.of("en", "Rivers near towns are *getting dirtier*.",
                "es", "Los ríos cercanos a los pueblos están cada vez más sucios."));
        private List<TranslatedText> slogans = new ArrayList<>(List.of(
                new TranslatedText("en", Map.of("en", "Rivers belong to everyone", "ar", "الأنهار ملك للجميع")),
                new TranslatedText("en", Map.of("en", "Clean water, clear future"))));
        private List<Campaign.SuggestedAction> actionTypes = new ArrayList<>(List.of(new Campaign.SuggestedAction(ActionType.PHOTO_ACTION,
                new TranslatedText("en", Map.of("en", "Hold a sign at the river bank.")),
                List.of(new Campaign.ToolkitLink("Sign template", "https://example.org/sign")))));
        private List<String> hashtags = new ArrayList<>(List.of("#CleanRiversDay"));
        private List<String> socialHandles = new ArrayList<>(List.of("@rivers@example.social"));
        private String contactEmail = "rivers@example.org";

        private Builder(CampaignDraft base) {
            title = base.title();
            call = base.call();
            firstDay = base.firstDay();
            lastDay = base.lastDay();
            timeZone = base.timeZone();
            status = base.status();
        }

        public Builder title(TranslatedText title) { this.title = title; return this; }
        public Builder days(LocalDate firstDay, LocalDate lastDay) { this.firstDay = firstDay; this.lastDay = lastDay; return this; }
        public Builder timeZone(String timeZone) { this.timeZone = timeZone; return this; }
        public Builder status(CampaignStatus status) { this.status = status; return this; }
        public Builder slogans(List<TranslatedText> slogans) { this.slogans = new ArrayList<>(slogans); return this; }
        public Builder actionTypes(List<Campaign.SuggestedAction> actionTypes) { this.actionTypes = new ArrayList<>(actionTypes); return this; }
        public Builder hashtags(List<String> hashtags) { this.hashtags = new ArrayList<>(hashtags); return this; }
        public Builder socialHandles(List<String> socialHandles) { this.socialHandles = new ArrayList<>(socialHandles); return this; }
        public Builder contactEmail(String contactEmail) { this.contactEmail = contactEmail; return this; }

        public CampaignDraft build() {
            return new CampaignDraft(title, call, firstDay, lastDay, timeZone, status, background, slogans, actionTypes, hashtags,
                    socialHandles, contactEmail);
        }
    }
}
