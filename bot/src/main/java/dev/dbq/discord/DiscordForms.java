package dev.dbq.discord;

import dev.dbq.chat.Form;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Forms as Discord modals: the interaction is answered with the modal (callback type 9), and
 * the person's MODAL_SUBMIT comes back as a new interaction carrying the modal's custom id
 * ({@code dbq-form:<id>}) and each text input's value by its custom id (the field's name). A
 * modal must be the first answer to an interaction, so a form whose answer came after the
 * interaction was deferred cannot open; the person is told to try again instead.
 */
final class DiscordForms {

  static final String PREFIX = "dbq-form:";
  static final String TOO_LATE = "This form took too long to open: please try again.";

  private DiscordForms() {}

  /** Each field a labelled text input (Discord's label component holds the label). */
  static Modal modal(Form form) {
    List<Label> inputs = form.fields().stream()
        .map(field -> Label.of(field.label(), TextInput.create(field.name(), field.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
            .setRequired(field.required())
            .setMaxLength(field.maxLength())
            .build()))
        .toList();
    return Modal.create(PREFIX + form.id(), form.title()).addComponents(inputs).build();
  }

  /** The form a submitted modal belongs to; empty for a modal that is not dbq's. */
  static Optional<String> formId(String modalId) {
    return modalId != null && modalId.startsWith(PREFIX) ? Optional.of(modalId.substring(PREFIX.length())) : Optional.empty();
  }

  /** Each text input's value by its field's name. */
  static Map<String, String> values(List<ModalMapping> mappings) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ModalMapping mapping : mappings) {
      values.put(mapping.getCustomId(), mapping.getAsString());
    }
    return values;
  }
}
