package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {
    @Test
    void fileSystemExceptionsNameTheFileAndTheProblem() {
        assertEquals("/data/a.csv: no such file or folder", ErrorHandler.describe(new NoSuchFileException("/data/a.csv")));
        assertEquals("/out: permission denied", ErrorHandler.describe(new AccessDeniedException("/out")));
        assertEquals("/a -> /b: no such file or folder",
                ErrorHandler.describe(new UncheckedIOException(new NoSuchFileException("/a", "/b", null))));
    }

    @Test
    void messagesThatAlreadySayTheProblemAreKept() {
        assertEquals("/x: disk full", ErrorHandler.describe(new FileSystemException("/x", null, "disk full")));
        assertEquals("train.csv line 3: unknown class 42",
                ErrorHandler.describe(new IOException("train.csv line 3: unknown class 42")));
        assertEquals("IllegalStateException", ErrorHandler.describe(new IllegalStateException()));
    }
}
