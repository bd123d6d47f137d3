package org.hpacell.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML page being written: a title, a navigation bar of its sections, and the sections'
 * markup, with the style sheet inline so the page needs nothing but itself. Text passed to the
 * {@code text}-taking methods is escaped; {@link #raw} takes markup as is.
 */
final class HtmlDocument {
    /** The page's style: readable on screen and in a screenshot, no external fonts. */
    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   margin: 0; color: #1d2330; background: #f4f5f7; line-height: 1.4; }
            header { background: #1d2330; color: #fff; padding: 18px 32px 10px; }
            header h1 { margin: 0 0 4px; font-size: 26px; }
            header p { margin: 0 0 8px; color: #c5cad6; font-size: 14px; }
            nav a { color: #9ecbff; margin-right: 18px; font-size: 14px; text-decoration: none; }
            main { padding: 8px 32px 32px; }
            section { background: #fff; border-radius: 8px; padding: 8px 20px 16px; margin: 16px 0;
                      box-shadow: 0 1px 3px rgba(0,0,0,.12); }
            h2 { font-size: 20px; margin: 12px 0 8px; }
            h3 { font-size: 15px; margin: 10px 0 6px; }
            p.note { color: #5a6275; font-size: 13px; margin: 4px 0 10px; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { padding: 3px 10px; border-bottom: 1px solid #e3e6ec; text-align: left; vertical-align: top; }
            th { background: #f0f2f5; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.best td { font-weight: 600; }
            pre { background: #f6f8fa; padding: 10px; font-size: 12px; overflow: auto; max-height: 360px; }
            .field { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; padding: 10px 0;
                     border-top: 1px solid #e3e6ec; }
            .field figure { margin: 0; }
            .field figcaption { font-size: 12px; color: #5a6275; }
            .cells { flex: 1 1 380px; max-height: 420px; overflow: auto; }
            .cells table { width: 100%; }
            svg.overlay path.cell { fill: rgba(255,255,255,0); pointer-events: all; }
            svg.overlay path.cell:hover { fill: rgba(255,255,255,.28); }
            svg.overlay text { font: 600 7px sans-serif; fill: #fff; paint-order: stroke; stroke: #000;
                               stroke-width: 1.5px; pointer-events: none; }
            .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px;
                      vertical-align: -1px; border: 1px solid rgba(0,0,0,.25); }
            .legend { font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0; }
            .grid { display: flex; flex-wrap: wrap; gap: 8px; }
            img.chart { max-width: 100%; height: auto; }
            img.curves { max-width: min(100%, 960px); height: auto; }
            img.map { image-rendering: pixelated; }
            """;

    private final String title;
    private final String subtitle;
    private final List<String[]> sections = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();

    HtmlDocument(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    /** Escapes text for an element's content or a double-quoted attribute. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Opens a section (closed by the next one or by {@link #html()}), listed in the navigation bar. */
    HtmlDocument section(String id, String heading) {
        closeSection();
        sections.add(new String[] {id, heading});
        body.append("<section id=\"").append(escape(id)).append("\">\n<h2>").append(escape(heading))
                .append("</h2>\n");
        return this;
    }

    private void closeSection() {
        if (!sections.isEmpty()) {
            body.append("</section>\n");
        }
    }

    HtmlDocument heading(String text) {
        body.append("<h3>").append(escape(text)).append("</h3>\n");
        return this;
    }

    /** A paragraph of explanation (escaped). */
    HtmlDocument note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Preformatted text (escaped). */
    HtmlDocument pre(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** An inline image (a data URI) with its alternative text. */
    HtmlDocument image(String dataUri, String alt, String cssClass) {
        body.append(imageTag(dataUri, alt, cssClass)).append('\n');
        return this;
    }

    static String imageTag(String dataUri, String alt, String cssClass) {
        return "<img class=\"" + escape(cssClass) + "\" alt=\"" + escape(alt) + "\" src=\"" + dataUri + "\">";
    }

    /** Markup as is. */
    HtmlDocument raw(String html) {
        body.append(html);
        return this;
    }

    /** The whole page. */
    String html() {
        StringBuilder page = new StringBuilder(body.length() + 4096);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n<p>")
                .append(escape(subtitle)).append("</p>\n<nav>");
        for (String[] s : sections) {
            page.append("<a href=\"#").append(escape(s[0])).append("\">").append(escape(s[1])).append("</a>");
        }
        page.append("</nav>\n</header>\n<main>\n").append(body).append(sections.isEmpty() ? "" : "</section>\n")
                .append("</main>\n</body>\n</html>\n");
        return page.toString();
    }
}
