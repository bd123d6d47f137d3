package org.hpacell.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns I/O failures into one line that names the file a user knows (the target of a write, never its
 * temporary file) and the problem. The JDK's file-system exceptions carry only a path as their message
 * ({@code NoSuchFileException: /a/b}); for them the problem is spelt out.
 */
public final class IoProblems {
    private IoProblems() {
    }

    /** The problem of a file-system exception in words ({@code no such file or folder}, ...). */
    public static String problem(FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason();
        }
        return f instanceof NoSuchFileException ? "no such file or folder"
                : f instanceof FileAlreadyExistsException ? "already exists"
                : f instanceof AccessDeniedException ? "permission denied"
                : f instanceof NotDirectoryException ? "not a folder"
                : f instanceof DirectoryNotEmptyException ? "folder not empty"
                : f.getClass().getSimpleName();
    }

    /**
     * A failure to write {@code target}: {@code "<target>: cannot write: <problem>"}. A bad input met
     * while writing is returned as it is (it names its own file), and the file of a file-system exception
     * is named when it is neither the target nor beside it (an input the writer was reading).
     */
    public static IOException cannotWrite(Path target, IOException e) {
        if (e instanceof BadInputException) {
            return e;
        }
        String problem;
        if (e instanceof FileSystemException f) {
            Path file = f.getFile() == null ? null : Path.of(f.getFile());
            boolean ours = file == null || file.equals(target)
                    || java.util.Objects.equals(file.toAbsolutePath().getParent(), target.toAbsolutePath().getParent())
                    || target.toAbsolutePath().startsWith(file.toAbsolutePath());
            problem = (ours ? "" : file + ": ") + problem(f);
        } else {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new IOException(target + ": cannot write: " + problem, e);
    }

    /**
     * Creates an output folder and checks that a file can be written in it, so that a job fails before
     * any work rather than on every field.
     *
     * @throws BadInputException naming the folder and the problem
     */
    public static void checkWritableFolder(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".hpacell", ".probe"));
        } catch (FileSystemException e) {
            throw new BadInputException(dir, "cannot write in this folder: "
                    + (e.getFile() == null || Path.of(e.getFile()).toAbsolutePath().startsWith(dir.toAbsolutePath())
                    ? "" : e.getFile() + ": ")
                    + problem(e), e);
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot write in this folder: " + e.getMessage(), e);
        }
    }
}
