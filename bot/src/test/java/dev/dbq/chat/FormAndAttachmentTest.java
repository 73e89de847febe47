package dev.dbq.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbq.testsupport.TestPictures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forms and attachments are checked against the tighter of Slack's and Discord's limits when made. */
class FormAndAttachmentTest {

  private static Form.Field field(String name) {
    return new Form.Field(name, "Label", false, true, 100);
  }

  @Test
  void aFormWithinEveryPlatformsLimitsIsMadeAndReturnedAsAPrivateReply() {
    Form form = new Form("suggest", "Suggest a question", List.of(field("title"), field("answer")));

    Reply reply = Reply.form(form);

    assertTrue(reply.isForm());
    assertEquals(Reply.Visibility.CALLER, reply.visibility());
    assertEquals(form, reply.withVisibility(Reply.Visibility.CHANNEL).form());
  }

  @Test
  void aFormBeyondAPlatformsLimitIsRefusedWhenMade() {
    assertThrows(IllegalArgumentException.class, () -> new Form("suggest", "A title longer than Slack's 24", List.of(field("a"))));
    assertThrows(IllegalArgumentException.class, () -> new Form("suggest", "Six fields",
        List.of(field("a"), field("b"), field("c"), field("d"), field("e"), field("f"))));
    assertThrows(IllegalArgumentException.class, () -> new Form("suggest", "Twice", List.of(field("a"), field("a"))));
    assertThrows(IllegalArgumentException.class, () -> new Form("Suggest!", "Bad id", List.of(field("a"))));
    assertThrows(IllegalArgumentException.class, () -> new Form.Field("a", "x".repeat(46), false, true, 10));
    assertThrows(IllegalArgumentException.class, () -> new Form.Field("a", "Label", false, true, 3001));
  }

  @Test
  void aPictureMustBeAPngWithAPlainNameAndAltText() {
    byte[] png = TestPictures.png(2);
    assertThrows(IllegalArgumentException.class, () -> new Attachment.Picture("chart.png", "GIF89a".getBytes(), "alt"));
    assertThrows(IllegalArgumentException.class, () -> new Attachment.Picture("../chart.png", png, "alt"));
    assertThrows(IllegalArgumentException.class, () -> new Attachment.Picture("chart.png", png, " "));
    assertThrows(IllegalArgumentException.class, () -> new Attachment.Picture("chart.png", png, "a".repeat(1025)));
  }

  @Test
  void aPicturesBytesCannotBeChangedFromOutside() {
    byte[] png = TestPictures.png(2);
    Attachment.Picture picture = new Attachment.Picture("chart.png", png, "alt");

    png[20] ^= 1;
    picture.png()[21] ^= 1;

    assertEquals(TestPictures.png(2)[20], picture.png()[20]);
    assertEquals(TestPictures.png(2)[21], picture.png()[21]);
  }

  @Test
  void aChartKeepsToSlacksLimits() {
    Attachment.Picture picture = TestPictures.picture("c.png", "alt");
    assertThrows(IllegalArgumentException.class, () -> new Attachment.Chart("t", List.of(), picture));
    assertThrows(IllegalArgumentException.class, () -> new Attachment.Bar("a label over twenty chars", 1));
    assertThrows(IllegalArgumentException.class, () -> new Attachment.Bar("Mon", -1));
    assertEquals("alt", new Attachment.Chart("t", List.of(new Attachment.Bar("Mon", 1)), picture).altText());
  }
}
