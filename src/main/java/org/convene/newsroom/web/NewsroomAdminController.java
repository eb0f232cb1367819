package org.convene.newsroom.web;

import java.util.List;
import java.util.Locale;
import org.convene.newsroom.PartnerItems;
import org.convene.newsroom.internal.FeedPolling;
import org.convene.newsroom.internal.Items;
import org.convene.newsroom.internal.Outlet;
import org.convene.newsroom.internal.Outlets;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Network admins' newsroom: partner outlets with their feeds' health, and the items to pick from. */
@Controller
class NewsroomAdminController {

    static final int PAGE_SIZE = 20;

    private final Outlets outlets;
    private final Items items;
    private final FeedPolling polling;

    NewsroomAdminController(Outlets outlets, Items items, FeedPolling polling) {
        this.outlets = outlets;
        this.items = items;
        this.polling = polling;
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsroom")
    String newsroom(@RequestParam(required = false) Long outlet, @RequestParam(required = false) String country,
                    @RequestParam(required = false) String language, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") String page,
                    jakarta.servlet.http.HttpServletRequest request, Model model, Locale locale) {
        model.addAttribute("back", "/admin/newsroom" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        PartnerItems.Filter filter = new PartnerItems.Filter(outlet, blankToNull(country), blankToNull(language),
                NewsroomViews.day(from), NewsroomViews.day(to), null);
        int number = page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;
        Items.Page found = items.page(filter, number, PAGE_SIZE);
        List<Outlet> all = outlets.all();
        model.addAttribute("filter", filter);
        model.addAttribute("fromDay", filter.from() == null ? "" : filter.from().toString());
        model.addAttribute("toDay", filter.to() == null ? "" : filter.to().toString());
        model.addAttribute("found", found);
        model.addAttribute("items", found.items().stream().map(i -> NewsroomViews.view(i, locale)).toList());
        model.addAttribute("outlets", all);
        model.addAttribute("countries", all.stream().map(Outlet::country).distinct()
                .map(c -> new NewsroomViews.Country(c, NewsroomViews.country(c, locale))).toList());
        model.addAttribute("languages", items.languages().stream()
                .map(l -> new NewsroomViews.Country(l, NewsroomViews.language(l, locale))).toList());
        return "newsroom/newsroom";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsroom/items/{id}/pick")
    String pick(@PathVariable long id, @RequestParam(defaultValue = "true") boolean picked,
                @RequestParam(required = false) String back, RedirectAttributes redirect) {
        if (!items.pick(id, picked)) {
            throw new NotFoundException("No such item");
        }
        redirect.addFlashAttribute("notice", picked ? "newsroom.item.picked" : "newsroom.item.unpicked");
        // back to the same filtered page, and only to a newsroom page
        return "redirect:" + (back != null && back.matches("/admin/newsroom(\\?[^\\s\\\\]*)?") ? back : "/admin/newsroom");
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsroom/outlets")
    String list(Model model, Locale locale) {
        model.addAttribute("outlets", outlets.all().stream().map(o -> OutletView.of(o, locale)).toList());
        return "newsroom/outlets";
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsroom/outlets/new")
    String newForm(Model model, Locale locale) {
        return form(new OutletForm(), null, model, locale);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsroom/outlets")
    String create(@ModelAttribute("form") OutletForm form, BindingResult errors, Model model, Locale locale,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(form, null, model, locale);
        }
        try {
            Outlet outlet = outlets.create(form.toDraft());
            redirect.addFlashAttribute("notice", "newsroom.outlet.saved");
            return "redirect:/admin/newsroom/outlets/" + outlet.id();
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            return form(form, null, model, locale);
        }
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/admin/newsroom/outlets/{id}")
    String edit(@PathVariable long id, Model model, Locale locale) {
        Outlet outlet = outlet(id);
        return form(OutletForm.of(outlet), outlet, model, locale);
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsroom/outlets/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") OutletForm form, BindingResult errors, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Outlet outlet = outlet(id);
        if (errors.hasErrors()) {
            return form(form, outlet, model, locale);
        }
        try {
            outlets.update(id, form.toDraft());
            redirect.addFlashAttribute("notice", "newsroom.outlet.saved");
            return "redirect:/admin/newsroom/outlets/" + id;
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(p -> errors.rejectValue(p.field(), p.code(), p.message()));
            return form(form, outlet, model, locale);
        }
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsroom/outlets/{id}/poll")
    String pollNow(@PathVariable long id, RedirectAttributes redirect) {
        outlet(id);
        FeedPolling.Outcome outcome = polling.pollNow(id);
        // flash attributes live in the (JDBC) session: plain values only
        redirect.addFlashAttribute("pollKind", outcome.kind().name());
        redirect.addFlashAttribute("pollAdded", outcome.added());
        if (outcome.errorCode() != null) {
            redirect.addFlashAttribute("pollError", outcome.errorCode());
        }
        return "redirect:/admin/newsroom/outlets/" + id;
    }

    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/admin/newsroom/outlets/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        if (!outlets.delete(id)) {
            throw new NotFoundException("No such outlet");
        }
        redirect.addFlashAttribute("notice", "newsroom.outlet.deleted");
        return "redirect:/admin/newsroom/outlets";
    }

    private String form(OutletForm form, Outlet outlet, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("outlet", outlet == null ? null : OutletView.of(outlet, locale));
        model.addAttribute("countries", NewsroomViews.countries(locale));
        return "newsroom/outlet-form";
    }

    private Outlet outlet(long id) {
        return outlets.find(id).orElseThrow(() -> new NotFoundException("No such outlet"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An outlet as the staff pages show it. */
    record OutletView(Outlet outlet, String countryName, String languageNames, String lastPolled, String lastSuccess,
                      String failingSince, String nextPoll) {
        static OutletView of(Outlet o, Locale locale) {
            return new OutletView(o, NewsroomViews.country(o.country(), locale),
                    String.join(", ", o.languages().stream().map(l -> NewsroomViews.language(l, locale)).toList()),
                    NewsroomViews.dateTime(o.health().lastPolledAt(), locale), NewsroomViews.dateTime(o.health().lastSuccessAt(), locale),
                    NewsroomViews.dateTime(o.health().failingSince(), locale), NewsroomViews.dateTime(o.nextPollAt(), locale));
        }
    }
}
