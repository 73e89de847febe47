package dev.dbq.testsupport.discord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file parts of a {@code multipart/form-data} body, as JDA sends a message with files:
 * {@code payload_json} and one {@code files[n]} part a file, each with its file name and type.
 * Split on the bytes (ISO-8859-1 keeps every byte), so a PNG survives whole.
 */
final class Multipart {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");
  private static final Pattern TYPE = Pattern.compile("(?im)^content-type:\\s*(\\S+)");

  private Multipart() {}

  static List<RecordedRequest.FilePart> files(byte[] body, String contentType) {
    List<RecordedRequest.FilePart> files = new ArrayList<>();
    if (contentType == null || !contentType.startsWith("multipart/form-data")) {
      return files;
    }
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      return files;
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary.group(1);
    for (String part : text.split(Pattern.quote(delimiter))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headersEnd);
      Matcher fileName = FILE_NAME.matcher(headers);
      Matcher name = NAME.matcher(headers);
      if (!fileName.find() || !name.find()) {
        continue; // payload_json
      }
      Matcher type = TYPE.matcher(headers);
      String content = part.substring(headersEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
      files.add(new RecordedRequest.FilePart(name.group(1), fileName.group(1),
          type.find() ? type.group(1) : "application/octet-stream", Arrays.copyOf(bytes, bytes.length)));
    }
    return files;
  }
}
