package org.convene.campaigns.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignDraft;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.campaigns.internal.Campaigns;
import org.convene.directory.DemoNetworkLoaded;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A fictional open campaign for the demo network: a day for public libraries, in English, Spanish and Arabic. */
@Component
class DemoCampaigns {

    private final Campaigns campaigns;

    DemoCampaigns(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @ApplicationModuleListener
    void on(DemoNetworkLoaded loaded) {
        ZoneId zone = ZoneId.of("UTC");
        LocalDate day = LocalDate.now(zone).plusDays(30);
        campaigns.create(new CampaignDraft(
                new TranslatedText("en", Map.of(
                        "en", "Open Libraries Day",
                        "es", "Día de las Bibliotecas Abiertas",
                        "ar", "يوم المكتبات المفتوحة")),
                new TranslatedText("en", Map.of(
                        "en", "On one day, members all over the network stand up for **public libraries that stay open to everyone**: "
                                + "free to enter, open in the evenings, with books in every language spoken in the neighbourhood.",
                        "es", "Un mismo día, las organizaciones miembro de toda la red defienden **bibliotecas públicas abiertas a todo el mundo**: "
                                + "de entrada libre, abiertas por la tarde y con libros en todas las lenguas del barrio.",
                        "ar", "في يوم واحد، تدافع المنظمات الأعضاء في الشبكة كلها عن **مكتبات عامة مفتوحة للجميع**: "
                                + "دخولها مجاني، وتفتح في المساء، وفيها كتب بكل اللغات التي يتحدثها أهل الحي.")),
                day, day, zone.getId(), CampaignStatus.OPEN,
                new TranslatedText("en", Map.of(
                        "en", "Many neighbourhood libraries have shortened their hours this year. The network's members agreed at the "
                                + "assembly to hold a shared day of action.\n\n- Read-ins outside libraries\n- Photo actions with a sign",
                        "es", "Muchas bibliotecas de barrio han reducido su horario este año. Las organizaciones miembro acordaron "
                                + "en la asamblea una jornada de acción común.",
                        "ar", "قلّصت مكتبات أحياء كثيرة ساعات عملها هذا العام. واتفقت المنظمات الأعضاء في الجمعية العامة على يوم عمل مشترك.")),
                List.of(
                        new TranslatedText("en", Map.of("en", "Open doors, open minds", "es", "Puertas abiertas, mentes abiertas",
                                "ar", "أبواب مفتوحة، عقول منفتحة")),
                        new TranslatedText("en", Map.of("en", "A library in every neighbourhood", "es", "Una biblioteca en cada barrio",
                                "ar", "مكتبة في كل حي"))),
                List.of(
                        new Campaign.SuggestedAction(ActionType.PHOTO_ACTION, new TranslatedText("en", Map.of(
                                "en", "Take a photo of your group with a sign in front of your library. Ask everyone in the picture first.",
                                "es", "Haced una foto del grupo con un cartel delante de vuestra biblioteca. Pedid permiso a todas las personas de la foto.",
                                "ar", "التقطوا صورة لمجموعتكم مع لافتة أمام مكتبتكم. اطلبوا الإذن من كل من يظهر في الصورة أولاً.")),
                                List.of(new Campaign.ToolkitLink("Sign template", "https://example.org/toolkit/open-libraries-sign"))),
                        new Campaign.SuggestedAction(ActionType.EDUCATION, new TranslatedText("en", Map.of(
                                "en", "Hold a short public reading or talk about what the library means to your neighbourhood.",
                                "es", "Organizad una lectura pública breve o una charla sobre lo que la biblioteca significa para el barrio.",
                                "ar", "نظّموا قراءة علنية قصيرة أو حديثاً عمّا تعنيه المكتبة لحيّكم.")), List.of())),
                List.of("OpenLibrariesDay"), List.of("@commonground@example.social"), "campaigns@example.org"));
    }
}
