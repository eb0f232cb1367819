package org.convene.newsroom.web;

import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.convene.newsroom.internal.Items;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public "From our partners" page: items staff picked, newest first, optionally in one language. */
@Controller
class PartnersPageController {

    private final Items items;

    PartnersPageController(Items items) {
        this.items = items;
    }

    @PermitAll
    @GetMapping("/partners")
    String partners(@RequestParam(required = false) String language, Model model, Locale locale) {
        String chosen = language == null || !language.strip().matches("[A-Za-z]{2}") ? null : language.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("language", chosen);
        model.addAttribute("languages", items.picked(null, 200).stream().map(i -> i.language()).distinct().sorted()
                .map(l -> new NewsroomViews.Country(l, NewsroomViews.language(l, locale))).toList());
        model.addAttribute("items", items.picked(chosen, 50).stream().map(i -> NewsroomViews.view(i, locale)).toList());
        return "newsroom/partners";
    }
}
