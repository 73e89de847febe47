package dev.dbq.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A button's action (a {@code /dbq …} line) as a Discord custom id and back, with no state: the
 * id still works after a restart. Discord allows 100 characters; an action that does not fit
 * has each long word (a question id such as {@code database-architecture/q5}) replaced by a
 * short digest, which a press resolves against the ids the banks know now.
 */
final class ButtonIds {

  static final int LIMIT = 100;
  /** The action as typed, without its {@code /dbq} prefix. */
  private static final String PLAIN = "dbq:";
  /** The action with long words replaced by {@link #DIGEST_MARK} and their digest. */
  private static final String DIGESTED = "dbq#:";
  private static final String DIGEST_MARK = "~";
  /** 72 bits of SHA-256: no two ids of a bank collide in practice. */
  private static final int DIGEST_CHARS = 12;
  private static final String COMMAND_PREFIX = "/dbq";

  private ButtonIds() {}

  /** The custom id for {@code action}, or empty when even digested it exceeds 100 characters. */
  static Optional<String> encode(String action) {
    String line = withoutPrefix(action);
    String plain = PLAIN + line;
    if (plain.length() <= LIMIT) {
      return Optional.of(plain);
    }
    List<String> words = new ArrayList<>();
    for (String word : line.split(" ")) {
      words.add(word.length() > DIGEST_CHARS + DIGEST_MARK.length() ? DIGEST_MARK + digest(word) : word);
    }
    String digested = DIGESTED + String.join(" ", words);
    return digested.length() <= LIMIT ? Optional.of(digested) : Optional.empty();
  }

  /**
   * The action a custom id stands for, or empty when it is not one of ours or names something
   * the banks no longer hold (the caller answers politely that the button expired).
   *
   * @param knownWords the words a digest may stand for: every question and scenario id
   */
  static Optional<String> decode(String customId, Collection<String> knownWords) {
    if (customId.startsWith(PLAIN)) {
      return Optional.of(COMMAND_PREFIX + " " + customId.substring(PLAIN.length()));
    }
    if (!customId.startsWith(DIGESTED)) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    for (String word : customId.substring(DIGESTED.length()).split(" ")) {
      if (word.startsWith(DIGEST_MARK)) {
        String wanted = word.substring(DIGEST_MARK.length());
        Optional<String> known = knownWords.stream().filter(w -> digest(w).equals(wanted)).findFirst();
        if (known.isEmpty()) {
          return Optional.empty();
        }
        words.add(known.get());
      } else {
        words.add(word);
      }
    }
    return Optional.of(COMMAND_PREFIX + " " + String.join(" ", words));
  }

  private static String withoutPrefix(String action) {
    String line = action.strip();
    if (line.regionMatches(true, 0, COMMAND_PREFIX, 0, COMMAND_PREFIX.length())) {
      line = line.substring(COMMAND_PREFIX.length()).strip();
    }
    return line;
  }

  private static String digest(String word) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(word.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, DIGEST_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
