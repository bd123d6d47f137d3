/**
 * Command-line options shared by the {@code hpacell} command ({@code cli} module) and the
 * {@code hpacell-spark} command ({@code spark} module), as picocli mixins: one declaration, the same names,
 * defaults and help text in both. Values are strings, so the local command reads them as paths and the
 * Spark command as Hadoop file system URIs.
 */
package org.hpacell.options;
