package org.convene.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignDraft;
import org.convene.campaigns.internal.Campaigns;
import org.convene.platform.web.InvalidInputException;
import org.convene.support.ConveneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ConveneTest
class CampaignCoreTest {

    @Autowired CampaignFixtures fixtures;
    @Autowired Campaigns campaigns;

    @Test
    void aCampaignIsFoundByItsSlugWithItsDaysOfAction() {
        LocalDate first = LocalDate.of(2027, 3, 8);
        Campaign created = fixtures.open(first, first.plusDays(1));
        Campaign found = campaigns.findBySlug(created.slug()).orElseThrow();
        assertThat(found.slug()).startsWith("day-of-clean-rivers-");
        assertThat(found.isDayOfAction(first.plusDays(1))).isTrue();
        assertThat(found.isDayOfAction(first.plusDays(2))).isFalse();
        assertThat(found.title().in("ar")).startsWith("يوم الأنهار النظيفة");
    }

    @Test
    void daysOutOfOrderAndAnUnknownTimeZoneAreRefusedWithoutARow() {
        CampaignDraft good = CampaignFixtures.draft(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 7));
        CampaignDraft bad = new CampaignDraft(good.title(), good.call(), good.firstDay(), good.lastDay(), "Mars/Olympus", good.status());
        int before = fixtures.jdbc().sql("SELECT count(*) FROM campaign").query(Integer.class).single();
        assertThatThrownBy(() -> campaigns.create(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(InvalidInputException.FieldProblem::field).containsExactly("lastDay", "timeZone"));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM campaign").query(Integer.class).single()).isEqualTo(before);
    }
}
