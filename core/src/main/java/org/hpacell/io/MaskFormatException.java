package org.hpacell.io;

/**
 * A Kaggle mask string or COCO RLE that cannot be decoded: invalid base64, data that is not zlib, a
 * stream that inflates to more than the mask could need, characters outside the RLE alphabet, or
 * runs that do not cover the mask exactly. The message says which; callers that know the file and
 * line add them.
 */
public class MaskFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MaskFormatException(String message) {
        super(message);
    }

    public MaskFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
