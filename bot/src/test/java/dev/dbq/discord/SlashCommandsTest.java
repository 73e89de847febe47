package dev.dbq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.chat.CommandSpec;
import dev.dbq.chat.OptionSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {

  private static final List<CommandSpec> SPECS = List.of(
      CommandSpec.of("random", "a random question", List.of(
          OptionSpec.filter("topic", "words of a topic").completedBy(OptionSpec.Completion.TOPIC),
          OptionSpec.filter("difficulty", "how hard").withChoices(List.of("junior", "senior", "staff")))),
      CommandSpec.of("answer", "d".repeat(150), List.of(
          OptionSpec.positional("part", OptionSpec.Kind.STRING, "which part", false),
          OptionSpec.positional("id", OptionSpec.Kind.STRING, "question id", true).completedBy(OptionSpec.Completion.QUESTION_ID))),
      CommandSpec.of("streak", "a streak", List.of(OptionSpec.positional("user", OptionSpec.Kind.USER, "whose", false))),
      new CommandSpec("schedule", "when", List.of(), List.of(
          CommandSpec.of("show", "show it", List.of()),
          CommandSpec.of("set", "set it", List.of(OptionSpec.positional("time", OptionSpec.Kind.STRING, "HH:MM", true)))), true));

  @Test
  void subcommandsOptionsChoicesAutocompleteAndTheScheduleGroupComeFromTheSpecs() {
    // when
    DataObject dbq = SlashCommands.definition(SPECS).toData();

    // then
    assertEquals("dbq", dbq.getString("name"));
    DataObject random = option(dbq, "random");
    assertEquals(1, random.getInt("type"));
    assertTrue(option(random, "topic").getBoolean("autocomplete"));
    assertEquals(3, option(random, "difficulty").getArray("choices").length());
    assertFalse(option(random, "difficulty").getBoolean("autocomplete", false));
    assertEquals(6, option(option(dbq, "streak"), "user").getInt("type"));
    DataObject schedule = option(dbq, "schedule");
    assertEquals(2, schedule.getInt("type"));
    assertEquals(1, option(schedule, "set").getInt("type"));
    // Discord sets permissions per top-level command only: none, or nobody else could use /dbq.
    assertTrue(dbq.isNull("default_member_permissions"));
  }

  @Test
  void requiredOptionsComeFirstAndDescriptionsFit100Characters() {
    // when
    DataObject answer = option(SlashCommands.definition(SPECS).toData(), "answer");

    // then
    assertEquals("id", answer.getArray("options").getObject(0).getString("name"));
    assertEquals(100, answer.getString("description").length());
  }

  @Test
  void moreThan25ChoicesBecomeFreeText() {
    // given
    List<String> many = IntStream.range(0, 26).mapToObj(i -> "level" + i).toList();
    List<CommandSpec> specs = List.of(CommandSpec.of("random", "r",
        List.of(OptionSpec.filter("difficulty", "how hard").withChoices(many))));

    // when
    DataObject difficulty = option(option(SlashCommands.definition(specs).toData(), "random"), "difficulty");

    // then
    assertTrue(difficulty.optArray("choices").map(DataArray::isEmpty).orElse(true));
  }

  @Test
  void theSameDefinitionAsRegisteredIsRecognisedAndAnyVisibleChangeIsNot() {
    // given
    SlashCommandData wanted = SlashCommands.definition(SPECS);
    DataObject registered = SlashCommandData.fromData(wanted.toData()).toData().put("id", "123").put("version", "9");
    List<CommandSpec> changed = List.of(SPECS.get(0), SPECS.get(2), SPECS.get(3));

    // then
    assertTrue(SlashCommands.sameDefinition(wanted, Optional.of(registered)));
    assertFalse(SlashCommands.sameDefinition(SlashCommands.definition(changed), Optional.of(registered)));
    assertFalse(SlashCommands.sameDefinition(wanted, Optional.empty()));
  }

  private static DataObject option(DataObject parent, String name) {
    DataArray options = parent.getArray("options");
    for (int i = 0; i < options.length(); i++) {
      if (options.getObject(i).getString("name").equals(name)) {
        return options.getObject(i);
      }
    }
    throw new AssertionError("no option " + name + " in " + parent);
  }
}
