package dev.dbq.testsupport.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's external file upload, as the SDK's {@code filesUploadV2} drives it: {@code
 * files.getUploadURLExternal} ({@code filename}, {@code length}, {@code alt_txt}) hands out a
 * file id and an upload URL on the fake; the bytes are POSTed there; {@code
 * files.completeUploadExternal} ({@code files=[{"id","title"}]}, {@code channel_id}, {@code
 * thread_ts}) shares the uploaded files. A file is shared once, with the length it announced.
 */
final class Files {

  /** A file as Slack keeps it: what was announced, the bytes, and where it was shared. */
  private static final class File {
    final String id;
    final String filename;
    final long length;
    final String altText;
    byte[] bytes;
    ObjectNode shared;

    File(String id, String filename, long length, String altText) {
      this.id = id;
      this.filename = filename;
      this.length = length;
      this.altText = altText;
    }
  }

  private final Map<String, File> files = new LinkedHashMap<>();
  private final AtomicLong lastId = new AtomicLong();

  /** {@code files.getUploadURLExternal}; {@code uploadBase} is where the fake takes uploads. */
  synchronized ObjectNode getUploadUrl(ObjectNode params, String uploadBase, ObjectNode ok) {
    String filename = params.path("filename").asText("");
    long length = params.path("length").asLong(0);
    if (filename.isEmpty() || length <= 0) {
      return error("invalid_arguments");
    }
    String id = "F0FAKE" + lastId.incrementAndGet();
    files.put(id, new File(id, filename, length, params.hasNonNull("alt_txt") ? params.get("alt_txt").asText() : null));
    return ok.put("upload_url", uploadBase + id).put("file_id", id);
  }

  /** The upload POST: the bytes of an announced file; false for a file never announced. */
  synchronized boolean upload(String id, byte[] bytes) {
    File file = files.get(id);
    if (file == null) {
      return false;
    }
    file.bytes = bytes;
    return true;
  }

  /** {@code files.completeUploadExternal}: shares the uploaded files in the channel (and thread). */
  synchronized ObjectNode complete(ObjectNode params, ObjectNode ok) {
    JsonNode list = params.path("files");
    if (!list.isArray() || list.isEmpty()) {
      return error("invalid_arguments");
    }
    String channel = params.path("channel_id").asText("");
    ArrayNode answered = ok.putArray("files");
    for (JsonNode entry : list) {
      File file = files.get(entry.path("id").asText());
      if (file == null || file.bytes == null || file.bytes.length != file.length) {
        return error("file_upload_invalid");
      }
      if (file.shared != null) {
        return error("file_already_completed");
      }
      ObjectNode shared = WebApi.JSON.createObjectNode()
          .put("id", file.id)
          .put("name", file.filename)
          .put("title", entry.path("title").asText(file.filename))
          .put("size", file.bytes.length)
          .put("channel", channel);
      if (file.altText != null) {
        shared.put("alt_txt", file.altText);
      }
      if (params.hasNonNull("thread_ts")) {
        shared.put("thread_ts", params.get("thread_ts").asText());
      }
      file.shared = shared;
      answered.add(shared.deepCopy().put("mimetype", "image/png").put("filetype", "png"));
    }
    return ok;
  }

  /** The files shared in {@code channel}, in order: id, name, title, size, alt_txt, thread_ts. */
  synchronized List<JsonNode> sharedIn(String channel) {
    List<JsonNode> shared = new ArrayList<>();
    for (File file : files.values()) {
      if (file.shared != null && file.shared.path("channel").asText().equals(channel)) {
        shared.add(file.shared.deepCopy());
      }
    }
    return shared;
  }

  /** The bytes uploaded for a file id, or null. */
  synchronized byte[] bytes(String id) {
    File file = files.get(id);
    return file == null || file.bytes == null ? null : file.bytes.clone();
  }

  private static ObjectNode error(String code) {
    return WebApi.JSON.createObjectNode().put("ok", false).put("error", code);
  }
}
