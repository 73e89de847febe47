package dev.dbq.console;

import dev.dbq.chat.Attachment;
import dev.dbq.chat.UserText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Attachments in a terminal: a picture is saved as a file and its path printed with its alt
 * text (a terminal shows no images); a chart is drawn as text bars above its picture's path.
 */
final class ConsolePictures {

  /** The widest bar, in characters. */
  static final int BAR_WIDTH = 30;
  private static final String BAR = "█";

  private final Path folder;

  /** @param folder where pictures are saved; made when the first one is */
  ConsolePictures(Path folder) {
    this.folder = folder;
  }

  /** Under the system's temporary folder, one folder per console process. */
  static ConsolePictures inTemporaryFolder() {
    return new ConsolePictures(Path.of(System.getProperty("java.io.tmpdir"), "dbq-pictures-" + UUID.randomUUID()));
  }

  /** The lines that show the attachments, in order; none for none. */
  List<String> show(List<Attachment> attachments) {
    List<String> lines = new ArrayList<>();
    for (Attachment attachment : attachments) {
      if (attachment instanceof Attachment.Chart chart) {
        lines.addAll(bars(chart));
        lines.add(picture(chart.picture()));
      } else if (attachment instanceof Attachment.Picture picture) {
        lines.add(picture(picture));
      }
    }
    return lines;
  }

  /** The chart's title, then one line a bar, scaled so the largest value is {@link #BAR_WIDTH} wide. */
  static List<String> bars(Attachment.Chart chart) {
    List<String> lines = new ArrayList<>();
    lines.add(UserText.neutralize(chart.title()));
    int labelWidth = chart.bars().stream().mapToInt(b -> b.label().length()).max().orElse(0);
    long largest = chart.bars().stream().mapToLong(Attachment.Bar::value).max().orElse(0);
    for (Attachment.Bar bar : chart.bars()) {
      int width = largest == 0 ? 0 : (int) Math.round((double) bar.value() * BAR_WIDTH / largest);
      String label = UserText.neutralize(bar.label());
      lines.add(label + " ".repeat(labelWidth - bar.label().length()) + " │" + BAR.repeat(width) + " " + bar.value());
    }
    return lines;
  }

  private String picture(Attachment.Picture picture) {
    Path file = folder.resolve(UUID.randomUUID() + "-" + picture.fileName());
    try {
      Files.createDirectories(folder);
      Files.write(file, picture.png());
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the picture " + picture.fileName() + " in " + folder, e);
    }
    return "[picture: " + file.toAbsolutePath() + " · " + UserText.neutralize(picture.altText()) + "]";
  }
}
