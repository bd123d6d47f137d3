package org.hpacell.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@code nonlocal:}, not a {@link org.apache.hadoop.fs.LocalFileSystem}:
 * the jobs treat it as they treat HDFS or S3 (scratch copies in, published files out), so tests cover
 * the remote code paths without a cluster. Registered with {@code fs.nonlocal.impl}.
 */
public class NonLocalFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "nonlocal";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** {@code nonlocal://} plus the absolute path of a local file. */
    static String uri(java.nio.file.Path p) {
        return SCHEME + "://" + p.toAbsolutePath();
    }
}
