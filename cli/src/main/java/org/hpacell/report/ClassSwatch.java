package org.hpacell.report;

import org.hpacell.atlas.ClassColours;
import org.hpacell.atlas.Location;

/** A class shown in the report: a small square of its colour ({@link ClassColours}) and its name. */
final class ClassSwatch {
    private ClassSwatch() {
    }

    /** A small coloured square followed by the class name, as HTML. */
    static String of(Location c) {
        return "<span class=\"swatch\" style=\"background:" + ClassColours.css(c) + "\"></span>"
                + HtmlDocument.escape(c.displayName());
    }
}
