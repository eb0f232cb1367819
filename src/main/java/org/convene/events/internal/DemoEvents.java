package org.convene.events.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.convene.directory.DemoNetworkLoaded;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fictional events for the demo network: a hybrid assembly with questions, the coordinating
 * committee's monthly online meeting (only for its members' staff), and a session that is over.
 */
@Component
class DemoEvents {

    private final Events events;
    private final EventSeries series;
    private final MemberDirectory directory;

    DemoEvents(Events events, EventSeries series, MemberDirectory directory) {
        this.events = events;
        this.series = series;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(DemoNetworkLoaded loaded) {
        List<MemberDirectory.MemberOrganization> organizations = directory.organizations();
        List<Long> coOrganizers = organizations.stream().limit(2).map(MemberDirectory.MemberOrganization::id).toList();
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        Instant assembly = ZonedDateTime.of(LocalDate.now(lisbon).plusDays(45), LocalTime.of(10, 0), lisbon).toInstant();
        events.create(new EventDraft(new TranslatedText("en", Map.of(
                        "en", "Common Ground Assembly",
                        "es", "Asamblea de Common Ground",
                        "fr", "Assemblée de Common Ground",
                        "ar", "جمعية Common Ground")),
                new TranslatedText("en", Map.of(
                        "en", "Delegates of the member organizations agree on next year's shared plan.\n\nThe afternoon is for workshops.",
                        "es", "Las delegaciones de las organizaciones miembro acuerdan el plan común del próximo año.",
                        "ar", "يتفق مندوبو المنظمات الأعضاء على الخطة المشتركة للعام المقبل.")),
                null, EventFormat.HYBRID, assembly, assembly.plus(Duration.ofHours(7)), lisbon.getId(), "Harbour Hall",
                "1 Quay Street, Lisbon", "Tram 15 to the harbour stop, then two minutes on foot.",
                "Step-free entrance, hearing loop, quiet room on the first floor.", 120, null, null, EventStatus.PUBLISHED,
                coOrganizers, assembly.minus(Duration.ofMinutes(30)), "Lunch is provided. Interpretation into Arabic, French and Spanish.",
                null, true, List.of(
                        new Question("workshop", Question.Kind.CHOICE, TranslatedText.of("en", "Which afternoon workshop?"),
                                List.of(TranslatedText.of("en", "Shared kitchens"), TranslatedText.of("en", "Tenant organizing")), true),
                        new Question("participant-list", Question.Kind.CONSENT,
                                TranslatedText.of("en", "I agree that my name appears on the list of participants."), List.of(), true)),
                "We are sorry: the assembly cannot take place on this date. A new date follows by e-mail.", null, Visibility.PUBLIC));

        ZoneId utc = ZoneId.of("UTC");
        LocalDate firstTuesday = LocalDate.now(utc).plusMonths(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
        Instant meeting = ZonedDateTime.of(firstTuesday, LocalTime.of(14, 0), utc).toInstant();
        Event committee = events.create(new EventDraft(TranslatedText.of("en", "Coordinating Committee monthly meeting"),
                TranslatedText.of("en", "The committee's regular online meeting. Agenda in the shared folder."), null,
                EventFormat.ONLINE, meeting, meeting.plus(Duration.ofMinutes(90)), utc.getId(), null, null, null, null, 0, null, null,
                EventStatus.PUBLISHED, List.of(), null, null, null, true, List.of(), null, loaded.coordinatingCommitteeId(),
                Visibility.BODY_STAFF));
        series.start(committee.id(), SeriesRule.MONTHLY_WEEKDAY, null);

        if (!organizations.isEmpty()) {
            ZoneId nairobi = ZoneId.of("Africa/Nairobi");
            Instant past = ZonedDateTime.of(LocalDate.now(nairobi).minusDays(14), LocalTime.of(17, 0), nairobi).toInstant();
            events.create(new EventDraft(TranslatedText.of("en", "Public education session: cooperative housing"),
                    TranslatedText.of("en", "An evening introduction for neighbours."), organizations.getLast().id(), EventFormat.IN_PERSON,
                    past, past.plus(Duration.ofHours(2)), nairobi.getId(), "Community library", "Library Road", null, null, 40, null,
                    null, EventStatus.PUBLISHED));
        }
    }
}
