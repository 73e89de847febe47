package dev.dbq.config;

import dev.dbq.text.DidYouMean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of the config file, read key by key. Problems are collected (not thrown) so that
 * one run reports all of them; keys nobody read are reported as unknown.
 */
final class ConfigSection {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private final String file;
  private final String path;
  private final int line;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();
  private final Map<String, String> environment;
  private final List<ConfigProblem> problems;
  private final Map<String, Integer> keyLines;

  ConfigSection(
      String file,
      String path,
      MappingNode node,
      Map<String, String> environment,
      List<ConfigProblem> problems,
      Map<String, Integer> keyLines) {
    this.file = file;
    this.path = path;
    this.line = node == null ? 1 : node.getStartMark().getLine() + 1;
    this.environment = environment;
    this.problems = problems;
    this.keyLines = keyLines;
    if (node != null) {
      for (NodeTuple tuple : node.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          if (entries.putIfAbsent(key.getValue(), tuple) != null) {
            problem(key, qualified(key.getValue()), "duplicate key: it is set twice in this section");
          }
        } else {
          problem(tuple.getKeyNode(), path.isEmpty() ? "(key)" : path, "keys must be plain words");
        }
      }
    }
  }

  ConfigSection section(String key) {
    read.add(key);
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return new ConfigSection(file, qualified(key), null, environment, problems, keyLines);
    }
    if (tuple.getValueNode() instanceof MappingNode mapping) {
      return new ConfigSection(file, qualified(key), mapping, environment, problems, keyLines);
    }
    problem(tuple.getValueNode(), qualified(key), "expected a section with keys below it");
    return new ConfigSection(file, qualified(key), null, environment, problems, keyLines);
  }

  String string(String key, String fallback) {
    return value(key, fallback, Function.identity());
  }

  /**
   * The key's text, with environment variables substituted, converted; the fallback (which may
   * use variables too) when the key is absent. A conversion failure is recorded against the key.
   */
  <T> T value(String key, String fallback, Function<String, T> convert) {
    read.add(key);
    NodeTuple tuple = entries.get(key);
    Node node = tuple == null ? null : tuple.getValueNode();
    keyLines.put(qualified(key), node == null ? line : node.getStartMark().getLine() + 1);
    if (node != null && !(node instanceof ScalarNode)) {
      problem(node, qualified(key), "expected a single value");
      node = null;
    }
    String raw = node == null || isNull(node) ? fallback : ((ScalarNode) node).getValue();
    try {
      return convert.apply(substitute(raw));
    } catch (IllegalArgumentException e) {
      problem(node, qualified(key), e.getMessage());
      return fallback.equals(raw) ? null : convertQuietly(fallback, convert);
    }
  }

  private <T> T convertQuietly(String fallback, Function<String, T> convert) {
    try {
      return convert.apply(substitute(fallback));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  List<String> stringList(String key, List<String> fallback) {
    read.add(key);
    NodeTuple tuple = entries.get(key);
    keyLines.put(qualified(key), tuple == null ? line : tuple.getValueNode().getStartMark().getLine() + 1);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return fallback;
    }
    Node node = tuple.getValueNode();
    if (node instanceof ScalarNode scalar) {
      return List.of(substituteOrRecord(scalar, key));
    }
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, qualified(key), "expected a list");
      return fallback;
    }
    List<String> values = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode scalar) {
        values.add(substituteOrRecord(scalar, key));
      } else {
        problem(item, qualified(key), "expected a list of plain values");
      }
    }
    return values;
  }

  /** The key's list (or single value) converted as a whole; a failure is recorded against the key. */
  <T> T list(String key, List<String> fallback, Function<List<String>, T> convert) {
    List<String> values = stringList(key, fallback);
    NodeTuple tuple = entries.get(key);
    try {
      return convert.apply(values);
    } catch (IllegalArgumentException e) {
      problem(tuple == null ? null : tuple.getValueNode(), qualified(key), e.getMessage());
      return null;
    }
  }

  private String substituteOrRecord(ScalarNode node, String key) {
    try {
      return substitute(node.getValue());
    } catch (IllegalArgumentException e) {
      problem(node, qualified(key), e.getMessage());
      return "";
    }
  }

  void rejectUnknownKeys() {
    for (var entry : entries.entrySet()) {
      if (!read.contains(entry.getKey())) {
        String hint = DidYouMean.closest(entry.getKey(), read).map(k -> " (did you mean " + k + "?)").orElse("");
        problem(entry.getValue().getKeyNode(), qualified(entry.getKey()), "unknown key" + hint);
      }
    }
  }

  private String substitute(String raw) {
    Matcher matcher = VARIABLE.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = environment.get(matcher.group(1));
      if (value == null || value.isEmpty()) {
        value = matcher.group(3);
      }
      if (value == null) {
        throw new IllegalArgumentException("environment variable " + matcher.group(1) + " is not set");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A problem with a key of this section found after reading it (two keys that do not fit together). */
  void problem(String key, String message) {
    NodeTuple tuple = entries.get(key);
    problem(tuple == null ? null : tuple.getValueNode(), qualified(key), message);
  }

  private void problem(Node node, String key, String message) {
    int at = node == null ? line : node.getStartMark().getLine() + 1;
    problems.add(new ConfigProblem(file, at, key, message));
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
  }
}
