package org.onestop.dashboard;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.city.CityProperties;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /dashboard}: the public dashboard, without a login, in the residents' layout, English and French. Every
 * chart is drawn by {@code js/dashboard-charts.js} from the table beside it, so that the tables are the figures, also
 * without JavaScript; the figures are {@link DashboardFigures}', kept for a few minutes.
 */
@Controller
class DashboardPages {

    /** A table cell: its text, and the plain number a chart draws ({@code null}: hidden, or nothing to show). */
    record Cell(String text, String value) {
    }

    record OverallRow(String month, Cell requests, Cell withinStandardPct, Cell averageDays) {
    }

    record BreakdownRow(String name, List<Cell> months, Cell total, Cell withinStandardPct, Cell averageDays) {
    }

    private final DashboardFigures figures;
    private final ServiceCatalogue catalogue;
    private final DashboardProperties settings;
    private final PageTexts texts;
    private final ZoneId zone;

    DashboardPages(DashboardFigures figures, ServiceCatalogue catalogue, DashboardProperties settings, PageTexts texts,
                   CityProperties city) {
        this.figures = figures;
        this.catalogue = catalogue;
        this.settings = settings;
        this.texts = texts;
        this.zone = city.timeZone();
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        DashboardFigures.Figures f = figures.current();
        Locale locale = texts.locale();
        DateTimeFormatter monthShort = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        DateTimeFormatter monthLong = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        List<String> months = f.months().stream().map(monthShort::format).toList();
        model.addAttribute("months", months);
        model.addAttribute("firstMonth", monthLong.format(f.months().get(0)));
        model.addAttribute("lastMonth", monthLong.format(f.months().get(f.months().size() - 1)));
        model.addAttribute("asOf", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(f.computedAt().atZone(zone)));
        model.addAttribute("refreshMinutes", Math.max(1, settings.refresh().toMinutes()));
        model.addAttribute("smallest", figures.smallestCell());
        model.addAttribute("overall", f.overall().stream().map(m -> new OverallRow(
                monthLong.format(m.month()) + (m.toDate() ? " " + texts.get("dashboard.toDate") : ""),
                count(m.requests(), locale), rate(m.withinStandardPct(), locale), rate(m.averageDays(), locale))).toList());
        model.addAttribute("services", rows(f.services(), code -> catalogue.find(code).map(s -> s.in(locale).name()).orElse(code), locale));
        model.addAttribute("wards", rows(f.wards(), ward -> ward.isEmpty() ? texts.get("dashboard.noWard") : ward, locale));
        return "public/dashboard";
    }

    private List<BreakdownRow> rows(List<DashboardFigures.Row> rows, Function<String, String> name, Locale locale) {
        return rows.stream().map(r -> new BreakdownRow(name.apply(r.key()),
                r.months().stream().map(m -> cell(m, false, locale)).toList(), cell(r.total(), false, locale),
                cell(r.withinStandardPct(), true, locale), cell(r.averageDays(), true, locale))).toList();
    }

    private Cell cell(DashboardFigures.Figure figure, boolean decimal, Locale locale) {
        return switch (figure.shown()) {
            case VALUE -> decimal ? rate(figure.value().doubleValue(), locale) : count(figure.value().longValue(), locale);
            case SMALL -> new Cell(texts.get("dashboard.small", 5), null);
            case SUPPRESSED -> new Cell(texts.get("dashboard.suppressed"), null);
        };
    }

    private static Cell count(long value, Locale locale) {
        return new Cell(NumberFormat.getIntegerInstance(locale).format(value), Long.toString(value));
    }

    private Cell rate(Double value, Locale locale) {
        if (value == null) {
            return new Cell(texts.get("dashboard.none"), null);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return new Cell(format.format(value), Double.toString(value));
    }
}
