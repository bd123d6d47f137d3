package org.hpacell.train.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names a plug-in (objective or batch builder) and carries its own options, e.g. Puzzle-CAM's alpha. */
public final class PluginConfig {
    public String name;
    /** Plug-in specific options (numbers, strings, booleans). */
    public Map<String, Object> options = new LinkedHashMap<>();

    public PluginConfig() {
    }

    public PluginConfig(String name) {
        this.name = name;
    }

    /** A numeric option, or {@code fallback} when absent. */
    public double number(String key, double fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(name + " option '" + key + "' must be a number, got '" + v + "'");
    }
}
