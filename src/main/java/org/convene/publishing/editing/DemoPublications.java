package org.convene.publishing.editing;

import java.time.LocalDate;
import java.util.List;
import org.convene.directory.DemoNetworkLoaded;
import org.convene.directory.MemberDirectory;
import org.convene.publishing.internal.NewsCategory;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationDraft;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Signatory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Fictional publications for the demo network: a statement in English, Spanish and Arabic, and two news posts. */
@Component
class DemoPublications {

    private static final String AUTHOR = "Demo";

    private final PublicationEditing editing;
    private final MemberDirectory directory;

    DemoPublications(PublicationEditing editing, MemberDirectory directory) {
        this.editing = editing;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(DemoNetworkLoaded loaded) {
        List<MemberDirectory.MemberOrganization> organizations = directory.organizations();
        List<Long> issuers = organizations.stream().limit(2).map(MemberDirectory.MemberOrganization::id).toList();
        LocalDate today = LocalDate.now();
        Publication statement = editing.create(new PublicationDraft(PublicationKind.STATEMENT, "en",
                        "Shared kitchens are public infrastructure",
                        "Member organizations call on city councils to keep community kitchens open all year.",
                        """
                        ## Our position

                        Community kitchens feed neighbours, train cooks and bring people together. They are **public infrastructure**, \
                        not a seasonal project.

                        > A city is measured by who eats at its tables.

                        We ask every city council to:

                        - keep community kitchens open all year;
                        - give them rooms without rent;
                        - include them in emergency plans.
                        """, today.minusDays(3), PublicationStatus.DRAFT, null, List.of("kitchens", "cities"), issuers),
                new PublicationEditing.Details(today.minusDays(3), List.of("kitchens", "cities"), issuers, null, null, null, null, null,
                        List.of(new Signatory("Mara Lindqvist", "Chairperson"), new Signatory("Tomás Ferreira", "Secretary"))),
                AUTHOR);
        editing.saveTranslation(statement.id(), "es", new PublicationEditing.Text("Las cocinas comunitarias son infraestructura pública",
                "Las organizaciones miembro piden a los ayuntamientos que mantengan abiertas las cocinas comunitarias todo el año.",
                "## Nuestra posición\n\nLas cocinas comunitarias alimentan a los vecinos, forman cocineros y reúnen a la gente. "
                        + "Son **infraestructura pública**, no un proyecto de temporada.", "Lucía Prado"), AUTHOR);
        editing.saveTranslation(statement.id(), "ar", new PublicationEditing.Text("المطابخ المجتمعية بنية تحتية عامة",
                "تدعو المنظمات الأعضاء المجالس البلدية إلى إبقاء المطابخ المجتمعية مفتوحة طوال العام.",
                "## موقفنا\n\nتطعم المطابخ المجتمعية الجيران وتدرّب الطهاة وتجمع الناس. إنها **بنية تحتية عامة** وليست مشروعًا موسميًا.",
                "سلمى حداد"), AUTHOR);
        editing.setTranslationStatus(statement.id(), "es", PublicationStatus.PUBLISHED);
        editing.setTranslationStatus(statement.id(), "ar", PublicationStatus.PUBLISHED);
        editing.setStatus(statement.id(), PublicationStatus.PUBLISHED, null);

        Long author = organizations.isEmpty() ? null : organizations.getFirst().id();
        Long region = organizations.isEmpty() ? null : organizations.getFirst().regionId();
        String country = organizations.isEmpty() ? null : organizations.getFirst().country();
        news("Regional assembly elects a new coordination team",
                "Delegates from twelve member organizations met for two days and agreed on next year’s priorities.",
                NewsCategory.ASSEMBLIES, author, region, country, today.minusDays(1));
        news("Tenant groups share a toolkit for winter campaigns",
                "A short guide on organizing building meetings, written by members for members.",
                NewsCategory.CAMPAIGNS, author, region, country, today);
    }

    private void news(String title, String summary, NewsCategory category, Long author, Long region, String country, LocalDate dated) {
        List<Long> authors = author == null ? List.of() : List.of(author);
        Publication post = editing.create(new PublicationDraft(PublicationKind.NEWS, "en", title, summary,
                        summary + "\n\nThe full notes are available to member organizations.", dated, PublicationStatus.DRAFT, null,
                        List.of(), authors),
                new PublicationEditing.Details(dated, List.of(), authors, null, null, category.name(), region, country, List.of()),
                AUTHOR);
        editing.setStatus(post.id(), PublicationStatus.PUBLISHED, null);
    }
}
