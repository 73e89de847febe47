package dev.dbq.bank;

/** A fenced code block of a question; {@code language} is empty when the fence named none. */
public record CodeExample(String language, String code) {}
