package dev.dbq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          jdbc:sqlite:data/dbq.db                                  | jdbc:sqlite:data/dbq.db
          jdbc:postgresql://db:5432/dbq                            | jdbc:postgresql://db:5432/dbq
          jdbc:postgresql://db/dbq?user=bot&password=s3cret&ssl=1  | jdbc:postgresql://db/dbq?user=***&password=***&ssl=1
          jdbc:postgresql://db/dbq?sslmode=require&PASSWORD=s3cret | jdbc:postgresql://db/dbq?sslmode=require&PASSWORD=***
          jdbc:postgresql://db/dbq?sslpassword=s3cret              | jdbc:postgresql://db/dbq?sslpassword=***
          jdbc:postgresql://bot:s3cret@db/dbq                      | jdbc:postgresql://***@db/dbq
          """)
  void hidesUserAndPasswords(String url, String redacted) {
    assertEquals(redacted, JdbcUrls.redact(url));
  }
}
