package dev.dbq.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bank file's text as lines. Bytes must be UTF-8; a leading byte order mark is dropped. Lines
 * end at {@code \n}, {@code \r\n} or a lone {@code \r} (as in CommonMark), so CRLF files give
 * the same lines as LF files; a final line ending does not start an extra empty line.
 */
record SourceLines(List<String> lines) {

  private static final char REPLACEMENT = '\uFFFD';

  SourceLines {
    lines = List.copyOf(lines);
  }

  static SourceLines decode(byte[] bytes) throws BankFormatException {
    try {
      return read(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /**
   * Reads lines straight from the bytes, one line decoded at a time: the file is never held
   * whole, as bytes or as one String, beside its lines (issue 16: a big bank's peak at load).
   * UTF-8 never uses the bytes of CR and LF inside a multi-byte character, so splitting before
   * decoding gives the same lines, and the same first malformed byte, as decoding first.
   */
  static SourceLines read(InputStream in) throws IOException, BankFormatException {
    List<String> lines = new ArrayList<>();
    byte[] buffer = new byte[64 * 1024];
    byte[] line = new byte[256];
    int lineLength = 0;
    long offset = 0; // of buffer[0] in the file
    long lineStart = 0;
    boolean afterCr = false;
    boolean first = true;
    int read;
    while ((read = in.read(buffer)) > 0) {
      int i = 0;
      if (first) {
        first = false;
        if (read >= 3 && hasByteOrderMark(buffer)) {
          i = 3;
          lineStart = 3;
        }
      }
      for (; i < read; i++) {
        byte b = buffer[i];
        if (afterCr && b == '\n') {
          afterCr = false;
          lineStart = offset + i + 1;
          continue;
        }
        afterCr = false;
        if (b == '\n' || b == '\r') {
          lines.add(decodeLine(line, lineLength, lineStart, lines.size() + 1));
          lineLength = 0;
          afterCr = b == '\r';
          lineStart = offset + i + 1;
        } else {
          if (lineLength == line.length) {
            line = java.util.Arrays.copyOf(line, line.length * 2);
          }
          line[lineLength++] = b;
        }
      }
      offset += read;
    }
    if (lineLength > 0) {
      lines.add(decodeLine(line, lineLength, lineStart, lines.size() + 1));
    }
    return new SourceLines(lines);
  }

  private static String decodeLine(byte[] bytes, int length, long fileOffset, int lineNumber) throws BankFormatException {
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    // The lenient decoder is fast; only when it had to substitute something do we decode
    // strictly, to tell a real U+FFFD in the file from a malformed byte.
    if (text.indexOf(REPLACEMENT) >= 0) {
      rejectMalformed(bytes, length, fileOffset, lineNumber);
    }
    return text;
  }

  int count() {
    return lines.size();
  }

  String line(int index) {
    return lines.get(index);
  }

  static List<String> split(CharSequence text) {
    List<String> lines = new ArrayList<>();
    int lineStart = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.subSequence(lineStart, i).toString());
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        lineStart = i + 1;
      }
    }
    if (lineStart < length) {
      lines.add(text.subSequence(lineStart, length).toString());
    }
    return lines;
  }

  private static boolean hasByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  private static void rejectMalformed(byte[] bytes, int length, long fileOffset, int lineNumber) throws BankFormatException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw new BankFormatException(
          lineNumber,
          String.format(
              "not valid UTF-8: byte 0x%02X at offset %d cannot be decoded; save the file as UTF-8",
              bytes[at] & 0xFF, fileOffset + at));
    }
  }
}
