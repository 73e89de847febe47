package dev.dbq.bank;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One question bank, loaded from one Markdown file.
 *
 * @param file the path as it was found (relative paths stay relative), used in messages
 * @param meta the front matter as parsed (YAML maps, lists, strings, numbers)
 * @param summary the bank's own summary parts by heading, in file order ("Executive Summary",
 *     "Key Points", "TL;DR", "Key Database Architecture Concepts", ...): Markdown
 */
public record Bank(
    String id,
    String file,
    String title,
    Map<String, Object> meta,
    List<Question> questions,
    List<Scenario> scenarios,
    Map<String, String> summary) {

  public Bank {
    meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    questions = List.copyOf(questions);
    scenarios = List.copyOf(scenarios);
    summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
  }
}
