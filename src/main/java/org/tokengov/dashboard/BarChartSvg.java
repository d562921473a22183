package org.tokengov.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A small bar chart as inline SVG, drawn on the server: no JavaScript and nothing fetched from elsewhere. Counts
 * stand above their bars, so the chart reads without a y axis; {@code <title>} and {@code aria-label} name it for
 * screen readers. Every text is XML-escaped, as labels may one day come from data.
 */
final class BarChartSvg {

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;
    private static final int SIDE = 10;

    private BarChartSvg() {
    }

    static String render(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(0));
        double slot = (double) (WIDTH - 2 * SIDE) / Math.max(1, bars.size());
        double barWidth = slot * 0.7;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append(line(SIDE, HEIGHT - BOTTOM, WIDTH - SIDE, HEIGHT - BOTTOM));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double height = (double) bar.value() / max * plotHeight;
            double x = SIDE + i * slot + (slot - barWidth) / 2;
            double y = HEIGHT - BOTTOM - height;
            double middle = x + barWidth / 2;
            svg.append("<rect class=\"bar\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" width=\"").append(number(barWidth)).append("\" height=\"").append(number(height)).append("\">")
                    .append("<title>").append(escape(bar.label() + ": " + bar.value())).append("</title></rect>")
                    .append(text("value", middle, y - 4, String.valueOf(bar.value())))
                    .append(text("label", middle, HEIGHT - BOTTOM + 16, bar.label()));
        }
        return svg.append("</svg>").toString();
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line class=\"axis\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
    }

    private static String text(String cssClass, double x, double y, String content) {
        return "<text class=\"" + cssClass + "\" x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"middle\">"
                + escape(content) + "</text>";
    }

    /** One decimal is plenty on a 640-unit canvas, and keeps the markup short. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
