package dev.dbq.testsupport;

import dev.dbq.chat.Attachment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Small real PNGs, and a chart drawn as one, for tests of pictures and charts. */
public final class TestPictures {

  private TestPictures() {}

  /** A {@code width} x 2 PNG, so pictures of different widths differ. */
  public static byte[] png(int width) {
    BufferedImage image = new BufferedImage(width, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x336699);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Attachment.Picture picture(String fileName, String altText) {
    return new Attachment.Picture(fileName, png(3), altText);
  }

  /** Answers per round day, Monday to Wednesday: 3, 0, 5. */
  public static Attachment.Chart answersPerDay() {
    return new Attachment.Chart("Answers per round day",
        List.of(new Attachment.Bar("Mon 30 Nov", 3), new Attachment.Bar("Tue 1 Dec", 0), new Attachment.Bar("Wed 2 Dec", 5)),
        new Attachment.Picture("answers.png", png(4), "Bar chart of answers per round day: Mon 3, Tue 0, Wed 5"));
  }
}
