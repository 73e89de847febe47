package dev.dbq.store;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown to people: without credentials. */
public final class JdbcUrls {

  // user / password / sslpassword ... as URL query or ';'-separated properties.
  private static final Pattern SECRET_PROPERTY =
      Pattern.compile("(?i)([?&;](?:user|[a-z]*password)=)[^&;#]*");
  // Credentials given as user info: //user:secret@host
  private static final Pattern USER_INFO = Pattern.compile("//[^/@?#]*@");

  private JdbcUrls() {}

  /** The URL with user names and passwords replaced by {@code ***}. */
  public static String redact(String jdbcUrl) {
    String withoutUserInfo = USER_INFO.matcher(jdbcUrl).replaceFirst("//***@");
    return SECRET_PROPERTY.matcher(withoutUserInfo).replaceAll("$1***");
  }
}
