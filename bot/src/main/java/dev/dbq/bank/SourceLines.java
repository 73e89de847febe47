package dev.dbq.bank;

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
    int start = hasByteOrderMark(bytes) ? 3 : 0;
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    // The lenient decoder is fast; only when it had to substitute something do we decode
    // strictly, to tell a real U+FFFD in the file from a malformed byte.
    if (text.indexOf(REPLACEMENT) >= 0) {
      rejectMalformed(bytes, start);
    }
    return new SourceLines(split(text));
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

  private static void rejectMalformed(byte[] bytes, int start) throws BankFormatException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      throw new BankFormatException(
          lineOfByte(bytes, offset),
          String.format(
              "not valid UTF-8: byte 0x%02X at offset %d cannot be decoded; save the file as UTF-8",
              bytes[offset] & 0xFF, offset));
    }
  }

  /** The 1-based line holding the byte at {@code offset}, counting line endings as split does. */
  private static int lineOfByte(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
