package dev.dbq.bank;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The YAML front matter between a bank's leading {@code ---} lines, loaded safely (plain maps,
 * lists, strings, numbers and booleans only) so it can go straight into the export JSON.
 *
 * @param values the top-level keys in file order
 * @param keyLines the 1-based file line of each top-level key, for lint messages
 * @param bodyStart the 0-based index of the first Markdown line after the front matter
 */
record FrontMatter(Map<String, Object> values, Map<String, Integer> keyLines, int bodyStart) {

  // Front matter is a few keys of metadata. These bounds keep a hostile or broken file from
  // costing more than a normal one: YAML aliases can make a few hundred bytes stand for billions
  // of values ("billion laughs"), and every reader of the meta (the export, too) expands them.
  private static final int MAX_DEPTH = 64;
  private static final int MAX_VALUES = 10_000;
  private static final int MAX_CODE_POINTS = 256 * 1024;
  // Aliases are harmless once what they expand to is bounded (MAX_VALUES); this only keeps
  // snakeyaml's own, unlocated check from firing before ours, which names the line.
  private static final int MAX_ALIASES = 1_000;

  FrontMatter {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    keyLines = Map.copyOf(keyLines);
  }

  static FrontMatter read(SourceLines source) throws BankFormatException {
    if (source.count() == 0 || !isDelimiter(source.line(0))) {
      return new FrontMatter(Map.of(), Map.of(), 0);
    }
    int close = 1;
    while (close < source.count() && !isDelimiter(source.line(close)) && !isDocumentEnd(source.line(close))) {
      close++;
    }
    if (close == source.count()) {
      throw new BankFormatException(1, "front matter opened by '---' on line 1 is never closed by a '---' line");
    }
    String yaml = String.join("\n", source.lines().subList(1, close));
    if (yaml.length() > MAX_CODE_POINTS) {
      throw new BankFormatException(2, "front matter is longer than " + MAX_CODE_POINTS + " characters");
    }
    return parse(yaml, close);
  }

  /** Parses the YAML text of lines {@code 1..closeIndex-1}; {@code closeIndex} holds the closing line. */
  private static FrontMatter parse(String yaml, int closeIndex) throws BankFormatException {
    // YAML line 0 is file line 2 (right after the opening '---').
    int firstLine = 2;
    int closingLine = closeIndex + 1;
    int bodyStart = closeIndex + 1;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(MAX_ALIASES);
      options.setNestingDepthLimit(MAX_DEPTH);
      options.setCodePointLimit(MAX_CODE_POINTS);
      JsonFriendlyConstructor constructor = new JsonFriendlyConstructor(options);
      DumperOptions dumperOptions = new DumperOptions();
      Yaml parser = new Yaml(constructor, new Representer(dumperOptions), dumperOptions, options);
      Node root = parser.compose(new StringReader(yaml));
      if (root == null) {
        return new FrontMatter(Map.of(), Map.of(), bodyStart);
      }
      if (!(root instanceof MappingNode mapping)) {
        throw new BankFormatException(
            firstLine + root.getStartMark().getLine(), "front matter must be a YAML mapping of keys to values");
      }
      checkExpandedSize(mapping, firstLine);
      Object constructed = constructor.construct(root);
      Map<String, Object> values = asStringKeyedMap((Map<?, ?>) constructed);
      return new FrontMatter(values, keyLines(mapping, firstLine), bodyStart);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : Math.min(firstLine + mark.getLine(), closingLine);
      throw new BankFormatException(line, "bad YAML front matter: " + describe(e), e);
    } catch (YAMLException e) {
      throw new BankFormatException(1, "bad YAML front matter: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses front matter whose values, with every alias expanded, would be more than
   * {@link #MAX_VALUES} or nest deeper than {@link #MAX_DEPTH}, or that contains itself; blames
   * the top-level key where it happens. Each distinct node is measured once, so this costs what
   * the text costs, not what it expands to.
   */
  private static void checkExpandedSize(MappingNode root, int firstLine) throws BankFormatException {
    Map<Node, Extent> measured = new IdentityHashMap<>();
    long total = 0;
    for (NodeTuple tuple : root.getValue()) {
      int line = firstLine + tuple.getKeyNode().getStartMark().getLine();
      Extent key = extent(tuple.getKeyNode(), 1, measured, line);
      Extent value = extent(tuple.getValueNode(), 1, measured, line);
      total += key.values() + value.values();
      if (total > MAX_VALUES) {
        throw new BankFormatException(line,
            "bad YAML front matter: it expands to more than " + MAX_VALUES + " values (aliases repeat too much)");
      }
    }
  }

  /** How many values a node stands for once expanded, and how deep it nests. */
  private record Extent(long values, int depth) {
    static final Extent IN_PROGRESS = new Extent(-1, -1);
  }

  private static Extent extent(Node node, int depth, Map<Node, Extent> measured, int line) throws BankFormatException {
    Extent known = measured.get(node);
    if (known == Extent.IN_PROGRESS) {
      throw new BankFormatException(line, "bad YAML front matter: a value contains itself (through an alias)");
    }
    if (known == null) {
      measured.put(node, Extent.IN_PROGRESS);
      known = measureChildren(node, depth, measured, line);
      measured.put(node, known);
    }
    if (depth + known.depth() > MAX_DEPTH) {
      throw new BankFormatException(line, "bad YAML front matter: values nest more than " + MAX_DEPTH + " levels deep");
    }
    if (known.values() > MAX_VALUES) {
      throw new BankFormatException(line,
          "bad YAML front matter: it expands to more than " + MAX_VALUES + " values (aliases repeat too much)");
    }
    return known;
  }

  private static Extent measureChildren(Node node, int depth, Map<Node, Extent> measured, int line)
      throws BankFormatException {
    List<Node> children = new ArrayList<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        children.add(tuple.getKeyNode());
        children.add(tuple.getValueNode());
      }
    } else if (node instanceof SequenceNode sequence) {
      children.addAll(sequence.getValue());
    }
    long values = 1;
    int deepest = 0;
    for (Node child : children) {
      Extent extent = extent(child, depth + 1, measured, line);
      values = Math.min(values + extent.values(), MAX_VALUES + 1L);
      deepest = Math.max(deepest, extent.depth());
    }
    return new Extent(values, deepest + 1);
  }

  private static String describe(MarkedYAMLException e) {
    String problem = Objects.requireNonNullElse(e.getProblem(), "cannot be parsed");
    String context = e.getContext();
    return context == null ? problem : context + ", " + problem;
  }

  private static Map<String, Integer> keyLines(MappingNode mapping, int firstLine) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        lines.putIfAbsent(key.getValue(), firstLine + key.getStartMark().getLine());
      }
    }
    return lines;
  }

  private static Map<String, Object> asStringKeyedMap(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      result.put(String.valueOf(entry.getKey()), jsonFriendly(entry.getValue()));
    }
    return result;
  }

  /** Turns what SafeConstructor may build into values every JSON writer accepts. */
  private static Object jsonFriendly(Object value) {
    if (value instanceof Map<?, ?> map) {
      return asStringKeyedMap(map);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      for (Object element : collection) {
        list.add(jsonFriendly(element));
      }
      return list;
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }

  private static boolean isDelimiter(String line) {
    return line.stripTrailing().equals("---");
  }

  private static boolean isDocumentEnd(String line) {
    return line.stripTrailing().equals("...");
  }

  /** Safe loading, except that unquoted dates stay the strings the author wrote. */
  private static final class JsonFriendlyConstructor extends SafeConstructor {

    JsonFriendlyConstructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    Object construct(Node node) {
      return constructDocument(node);
    }
  }
}
