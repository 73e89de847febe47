package dev.dbq.bank;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
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

  private static final int MAX_DEPTH = 64;

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
      Object constructed = constructor.construct(root);
      Map<String, Object> values = asStringKeyedMap((Map<?, ?>) constructed, 0);
      return new FrontMatter(values, keyLines(mapping, firstLine), bodyStart);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : Math.min(firstLine + mark.getLine(), closingLine);
      throw new BankFormatException(line, "bad YAML front matter: " + describe(e), e);
    } catch (YAMLException e) {
      throw new BankFormatException(1, "bad YAML front matter: " + e.getMessage(), e);
    }
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

  private static Map<String, Object> asStringKeyedMap(Map<?, ?> map, int depth) throws BankFormatException {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      result.put(String.valueOf(entry.getKey()), jsonFriendly(entry.getValue(), depth + 1));
    }
    return result;
  }

  /** Turns what SafeConstructor may build into values every JSON writer accepts. */
  private static Object jsonFriendly(Object value, int depth) throws BankFormatException {
    if (depth > MAX_DEPTH) {
      // YAML aliases can make a list contain itself; stop instead of recursing forever.
      throw new BankFormatException(1, "bad YAML front matter: values nest too deeply or refer to themselves");
    }
    if (value instanceof Map<?, ?> map) {
      return asStringKeyedMap(map, depth);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      for (Object element : collection) {
        list.add(jsonFriendly(element, depth + 1));
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
