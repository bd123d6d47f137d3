package org.hpacell.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Files and folders of a module's test resources ({@code src/test/resources}), found on the classpath. The
 * tests need nothing outside the repository: a missing resource fails the test that asks for it.
 */
public final class TestResources {
    private TestResources() {
    }

    /**
     * The resource at {@code name}, an absolute classpath name such as {@code /fixtures/hpa-postprocess}.
     *
     * @throws AssertionError naming the resource when it is missing
     */
    public static Path path(String name) {
        URL url = TestResources.class.getResource(name);
        if (url == null) {
            throw new AssertionError("test resource " + name + " is missing (src/test/resources" + name + ")");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource " + name + ": bad location " + url, e);
        }
    }
}
