package dev.dbq.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.dbq.chat.Attachment;
import java.util.List;

/**
 * Slack's {@code data_visualization} block with a {@code bar} chart, which the SDK (1.47) does not
 * model yet. The SDK serializes a block by its runtime class with snake_case names, so the fields
 * below are the block's JSON: {@code {"type":"data_visualization","title":…,"chart":{"type":"bar",
 * "series":[{"name":…,"data":[{"label":…,"value":…}]}],"axis_config":{"categories":[…]}}}}.
 */
final class DataVisualizationBlock implements LayoutBlock {

  static final String TYPE = "data_visualization";
  /** Characters of a series name (Slack's limit). */
  static final int SERIES_NAME_LIMIT = 20;
  /** Blocks of this type in one message (Slack's limit). */
  static final int PER_MESSAGE = 2;

  private final String type = TYPE;
  private final String title;
  private final BarChart chart;

  private DataVisualizationBlock(String title, BarChart chart) {
    this.title = title;
    this.chart = chart;
  }

  /** The chart as one bar series named after its title; labels are the x-axis categories, in order. */
  static DataVisualizationBlock of(Attachment.Chart chart) {
    List<DataPoint> data = chart.bars().stream().map(b -> new DataPoint(b.label(), b.value())).toList();
    List<String> categories = chart.bars().stream().map(Attachment.Bar::label).toList();
    Series series = new Series(SlackBlocks.shorten(chart.title(), SERIES_NAME_LIMIT), data);
    return new DataVisualizationBlock(chart.title(), new BarChart("bar", List.of(series), new AxisConfig(categories)));
  }

  @Override
  public String getType() {
    return type;
  }

  /** None: Slack makes one. */
  @Override
  public String getBlockId() {
    return null;
  }

  String title() {
    return title;
  }

  private record BarChart(String type, List<Series> series, AxisConfig axisConfig) {}

  private record Series(String name, List<DataPoint> data) {}

  private record DataPoint(String label, long value) {}

  private record AxisConfig(List<String> categories) {}
}
