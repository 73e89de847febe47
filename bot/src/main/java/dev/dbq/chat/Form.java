package dev.dbq.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A few text fields a person fills in and submits (a suggestion). A form answers an interaction
 * ({@link Reply#form}): Slack opens it as a modal with the command's {@code trigger_id}
 * ({@code views.open}), Discord answers the interaction with a modal, the console asks for each
 * field in turn. What is submitted comes back through {@link Inbound#submit}. The limits are the
 * tighter of Slack's and Discord's, so a form shows the same everywhere.
 *
 * @param id which form it is, sent back with the values: lower-case letters, digits and dashes
 * @param title at most {@value #TITLE_LIMIT} characters (Slack's modal title)
 * @param fields 1 to {@value #FIELDS_LIMIT} (Discord's text inputs per modal), names unique
 */
public record Form(String id, String title, List<Field> fields) {

  public static final int TITLE_LIMIT = 24;
  public static final int FIELDS_LIMIT = 5;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public Form {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a form id is 1 to 40 lower-case letters, digits or dashes: " + id);
    }
    if (title == null || title.isBlank() || title.length() > TITLE_LIMIT) {
      throw new IllegalArgumentException("a form's title is 1 to " + TITLE_LIMIT + " characters");
    }
    fields = List.copyOf(fields);
    if (fields.isEmpty() || fields.size() > FIELDS_LIMIT) {
      throw new IllegalArgumentException("a form has 1 to " + FIELDS_LIMIT + " fields");
    }
    Set<String> names = new HashSet<>();
    for (Field field : fields) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException("two fields of form " + id + " are named " + field.name());
      }
    }
  }

  /**
   * One text field.
   *
   * @param name the key of its value in what is submitted: lower-case letters, digits, dashes
   * @param label at most {@value #LABEL_LIMIT} characters (Discord's)
   * @param multiline a paragraph rather than one line
   * @param required whether it must be filled in
   * @param maxLength at most {@value #MAX_LENGTH_LIMIT} characters (Slack's)
   */
  public record Field(String name, String label, boolean multiline, boolean required, int maxLength) {

    public static final int LABEL_LIMIT = 45;
    public static final int MAX_LENGTH_LIMIT = 3000;

    public Field {
      if (name == null || !ID.matcher(name).matches()) {
        throw new IllegalArgumentException("a field name is 1 to 40 lower-case letters, digits or dashes: " + name);
      }
      if (label == null || label.isBlank() || label.length() > LABEL_LIMIT) {
        throw new IllegalArgumentException("a field's label is 1 to " + LABEL_LIMIT + " characters");
      }
      if (maxLength < 1 || maxLength > MAX_LENGTH_LIMIT) {
        throw new IllegalArgumentException("a field takes 1 to " + MAX_LENGTH_LIMIT + " characters");
      }
    }
  }
}
