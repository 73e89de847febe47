package dev.dbq.bank;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that ends after {@code limit} bytes and says whether the file had more. */
final class LimitedInput extends FilterInputStream {

  private long left;
  private boolean exceeded;

  LimitedInput(InputStream in, long limit) {
    super(in);
    this.left = limit;
  }

  boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (left <= 0) {
      if (!exceeded && super.read() >= 0) {
        exceeded = true;
      }
      return -1;
    }
    int read = super.read(buffer, offset, (int) Math.min(length, left));
    if (read > 0) {
      left -= read;
    }
    return read;
  }
}
