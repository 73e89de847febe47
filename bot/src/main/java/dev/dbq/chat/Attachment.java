package dev.dbq.chat;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something sent with a message besides its text: a picture, or a chart. Each platform shows it
 * its own way (see docs/contracts.md, "Pictures and charts"): a reply stays platform-neutral and
 * the choice of a platform's best form lives in its adapter.
 */
public sealed interface Attachment permits Attachment.Picture, Attachment.Chart {

  /** The words that stand for it where it cannot be seen (screen readers, notifications, a terminal). */
  String altText();

  /**
   * A PNG image, attached as a file: Slack uploads it ({@code files.getUploadURLExternal}, the
   * upload, {@code files.completeUploadExternal}) with its alt text; Discord attaches it with the
   * alt text as the attachment's {@code description}; the console saves it and prints its path.
   *
   * @param fileName a plain name ending in {@code .png}: letters, digits, dot, dash, underscore
   * @param png the image's bytes
   * @param altText what the picture shows, in words (at most {@value #ALT_TEXT_LIMIT} characters,
   *     Discord's limit for a description; Slack takes more)
   */
  record Picture(String fileName, byte[] png, String altText) implements Attachment {

    public static final int ALT_TEXT_LIMIT = 1024;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\.png");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public Picture {
      Objects.requireNonNull(png, "png");
      if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
        throw new IllegalArgumentException("not a plain .png file name: " + fileName);
      }
      if (altText == null || altText.isBlank() || altText.length() > ALT_TEXT_LIMIT) {
        throw new IllegalArgumentException("a picture needs alt text of 1 to " + ALT_TEXT_LIMIT + " characters");
      }
      if (!startsWithPngSignature(png)) {
        throw new IllegalArgumentException(fileName + " is not a PNG image");
      }
      png = png.clone();
    }

    /** A copy: the picture stays as it was made. */
    @Override
    public byte[] png() {
      return png.clone();
    }

    private static boolean startsWithPngSignature(byte[] bytes) {
      if (bytes.length < PNG_SIGNATURE.length) {
        return false;
      }
      for (int i = 0; i < PNG_SIGNATURE.length; i++) {
        if (bytes[i] != PNG_SIGNATURE[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A bar chart, with the numbers it draws and the same chart drawn as a picture. Slack draws it
   * from the numbers (a {@code data_visualization} block); Discord attaches the picture; the
   * console prints text bars and saves the picture.
   *
   * @param title a short heading (at most {@value #TITLE_LIMIT} characters, Slack's limit)
   * @param bars at most {@value #BARS_LIMIT}, in order; labels of at most {@value #LABEL_LIMIT}
   *     characters (Slack's limits), values of zero or more
   * @param picture the chart drawn; its alt text is the chart's
   */
  record Chart(String title, List<Bar> bars, Picture picture) implements Attachment {

    public static final int TITLE_LIMIT = 50;
    public static final int BARS_LIMIT = 20;
    public static final int LABEL_LIMIT = 20;

    public Chart {
      Objects.requireNonNull(picture, "picture");
      if (title == null || title.isBlank() || title.length() > TITLE_LIMIT) {
        throw new IllegalArgumentException("a chart's title is 1 to " + TITLE_LIMIT + " characters");
      }
      bars = List.copyOf(bars);
      if (bars.isEmpty() || bars.size() > BARS_LIMIT) {
        throw new IllegalArgumentException("a chart has 1 to " + BARS_LIMIT + " bars");
      }
    }

    @Override
    public String altText() {
      return picture.altText();
    }
  }

  /** One bar of a {@link Chart}. */
  record Bar(String label, long value) {
    public Bar {
      if (label == null || label.isBlank() || label.length() > Chart.LABEL_LIMIT) {
        throw new IllegalArgumentException("a bar's label is 1 to " + Chart.LABEL_LIMIT + " characters");
      }
      if (value < 0) {
        throw new IllegalArgumentException("a bar's value is zero or more");
      }
    }
  }
}
